package io.github.juhesms.test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.juhesms.autoconfigure.JuheSmsAutoConfiguration;
import io.github.juhesms.autoconfigure.JuheSmsRestClientCustomizer;
import io.github.juhesms.event.JuheSmsSendEvent;
import io.micrometer.common.KeyValue;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * An application context of the starter that stays up across many tests (unlike one built
 * by an {@code ApplicationContextRunner} per test), with one HTTP client selected, and
 * recorders for what the starter publishes: send events, meters, observations and the
 * request factory it was built with.
 */
public final class SharedJuheContext implements AutoCloseable {

	private final AnnotationConfigApplicationContext context;

	private final HttpClientKind client;

	private final List<JuheSmsSendEvent> events = new CopyOnWriteArrayList<>();

	private final List<Observation.Context> observations = new CopyOnWriteArrayList<>();

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private volatile @Nullable ClientHttpRequestFactory requestFactory;

	private SharedJuheContext(HttpClientKind client, String baseUrl, @Nullable JuheSmsRestClientCustomizer customizer,
			String... properties) {
		this.client = client;
		ObservationRegistry observationRegistry = ObservationRegistry.create();
		observationRegistry.observationConfig()
			.observationHandler(new DefaultMeterObservationHandler(this.meters))
			.observationHandler(new Recorder());
		this.context = new AnnotationConfigApplicationContext();
		// Per-number limits are off: a shared context sends to one number hundreds of
		// times; so are video SMS's send hours (the suite runs at any hour) and the
		// template
		// checks, as its servers answer the sends alone.
		List<String> all = new ArrayList<>(
				List.of("juhe.sms.base-url=" + baseUrl, "juhe.sms.key=" + JuheWireMockTests.KEY, client.property(),
						"juhe.sms.limits.enabled=false", "juhe.sms.video.send-window.enabled=false"));
		all.addAll(Arrays.asList(JuheWireMockTests.NO_TEMPLATE_CHECKS));
		all.addAll(Arrays.asList(properties));
		TestPropertyValues.of(all).applyTo(this.context);
		this.context.registerBean(MeterRegistry.class, () -> this.meters);
		this.context.registerBean(ObservationRegistry.class, () -> observationRegistry);
		this.context.registerBean("recordingCustomizer", JuheSmsRestClientCustomizer.class, () -> (builder) -> {
			this.requestFactory = (ClientHttpRequestFactory) ReflectionTestUtils.getField(builder, "requestFactory");
			if (customizer != null) {
				customizer.customize(builder);
			}
		});
		this.context.addApplicationListener((ApplicationListener<PayloadApplicationEvent<?>>) (event) -> {
			if (event.getPayload() instanceof JuheSmsSendEvent send) {
				this.events.add(send);
			}
		});
		this.context.register(StarterConfiguration.class);
		this.context.refresh();
	}

	/**
	 * Start a context of the starter.
	 * @param client the HTTP client to select
	 * @param baseUrl the base URL of the fake Juhe server
	 * @param properties more properties, {@code name=value}
	 * @return the started context
	 */
	public static SharedJuheContext start(HttpClientKind client, String baseUrl, String... properties) {
		return new SharedJuheContext(client, baseUrl, null, properties);
	}

	/**
	 * Start a context of the starter whose {@code RestClient.Builder} is also customized.
	 * @param client the HTTP client to select
	 * @param baseUrl the base URL of the fake Juhe server
	 * @param customizer a customizer of the Juhe clients' builder
	 * @param properties more properties, {@code name=value}
	 * @return the started context
	 */
	public static SharedJuheContext start(HttpClientKind client, String baseUrl, JuheSmsRestClientCustomizer customizer,
			String... properties) {
		return new SharedJuheContext(client, baseUrl, customizer, properties);
	}

	/**
	 * The application context.
	 * @return the context
	 */
	public AnnotationConfigApplicationContext context() {
		return this.context;
	}

	/**
	 * The HTTP client that was asked for.
	 * @return the client
	 */
	public HttpClientKind client() {
		return this.client;
	}

	/**
	 * The request factory the starter's {@code RestClient} was built with, the JDK
	 * client's current generation where the starter replaces it every idle timeout.
	 * @return the request factory
	 */
	public @Nullable ClientHttpRequestFactory requestFactory() {
		ClientHttpRequestFactory factory = this.requestFactory;
		if (factory != null && factory.getClass().getSimpleName().equals("JuheJdkClientHttpRequestFactory")) {
			Object generations = ReflectionTestUtils.getField(factory, "clients");
			return (generations != null) ? ReflectionTestUtils.invokeMethod(generations, "current") : null;
		}
		return factory;
	}

	/**
	 * The send events published since the last {@link #clear()}.
	 * @return the events
	 */
	public List<JuheSmsSendEvent> events() {
		return this.events;
	}

	/**
	 * The observations stopped since the last {@link #clear()}.
	 * @return the observation contexts
	 */
	public List<Observation.Context> observations() {
		return this.observations;
	}

	/**
	 * The key values of every observation stopped since the last {@link #clear()}.
	 * @return the key values
	 */
	public List<KeyValue> observationKeyValues() {
		return this.observations.stream().flatMap((context) -> context.getAllKeyValues().stream()).toList();
	}

	/**
	 * The meters recorded since the last {@link #clear()}.
	 * @return the registry
	 */
	public SimpleMeterRegistry meters() {
		return this.meters;
	}

	/**
	 * Forget the events, observations and meters recorded so far.
	 */
	public void clear() {
		this.events.clear();
		this.observations.clear();
		this.meters.clear();
	}

	@Override
	public void close() {
		this.context.close();
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ HttpClientAutoConfiguration.class, ImperativeHttpClientAutoConfiguration.class,
			RestClientAutoConfiguration.class, JuheSmsAutoConfiguration.class })
	static class StarterConfiguration {

	}

	private final class Recorder implements ObservationHandler<Observation.Context> {

		@Override
		public void onStop(Observation.Context context) {
			SharedJuheContext.this.observations.add(context);
		}

		@Override
		public boolean supportsContext(Observation.Context context) {
			return true;
		}

	}

}
