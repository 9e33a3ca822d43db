package io.github.juhesms.sample;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.juhesms.core.JuheProduct;
import io.github.juhesms.test.fake.FakeJuheServer;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The fake Juhe of demo mode: a {@link FakeJuheServer} in this process, with one approved
 * template per product so that every endpoint works.
 */
final class DemoJuhe implements ApplicationListener<ApplicationReadyEvent> {

	static final String SERVER_BEAN_NAME = "fakeJuheServer";

	private static final Log logger = LogFactory.getLog(DemoJuhe.class);

	private final FakeJuheServer server;

	private final Map<JuheProduct, Long> templateIds = new LinkedHashMap<>();

	private String token = "";

	private DemoJuhe(FakeJuheServer server) {
		this.server = server;
		this.templateIds.put(JuheProduct.VERIFICATION_CODE, server.submitVerificationCodeTemplate("聚合数据", 1001).id());
		this.templateIds.put(JuheProduct.SMS_API,
				server.submitTemplate(JuheProduct.SMS_API, "聚合数据", "您的订单#order#已发货").id());
		this.templateIds.put(JuheProduct.INTERNATIONAL,
				server.submitTemplate(JuheProduct.INTERNATIONAL, "Juhe", "Your order #order# has shipped").id());
		this.templateIds.put(JuheProduct.VIDEO, server.submitTemplate(JuheProduct.VIDEO, "聚合数据", "新品上市，点击观看").id());
		this.templateIds.put(JuheProduct.FINANCIAL,
				server.submitTemplate(JuheProduct.FINANCIAL, "聚合数据", "您尾号#tail#的账户入账#amount#元").id());
	}

	static DemoJuhe start() {
		FakeJuheServer server = FakeJuheServer.start();
		try {
			return new DemoJuhe(server);
		}
		catch (RuntimeException ex) {
			server.close();
			throw ex;
		}
	}

	/**
	 * The starter's properties: the fake's base URL and keys, and its verification-code
	 * template for {@code VerificationCodeService}.
	 */
	Map<String, Object> properties() {
		Map<String, Object> properties = new LinkedHashMap<>(this.server.properties());
		properties.put("juhe.sms.codes.template-id", this.templateIds.get(JuheProduct.VERIFICATION_CODE));
		return properties;
	}

	void register(ConfigurableApplicationContext context) {
		context.getBeanFactory().registerSingleton(SERVER_BEAN_NAME, this.server);
		// Stopped with the beans: when the context closes, and also after a failed
		// refresh, which destroys the beans but publishes no ContextClosedEvent.
		if (context.getBeanFactory() instanceof DefaultSingletonBeanRegistry registry) {
			registry.registerDisposableBean(SERVER_BEAN_NAME, this.server::close);
		}
		context.addApplicationListener(this);
	}

	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		// A token of the user's own is never logged.
		String token = event.getApplicationContext().getEnvironment().getProperty("sample.api-token", "");
		this.token = DemoModeEnvironmentPostProcessor.DEMO_TOKEN.equals(token) ? token : "<sample.api-token>";
		String port = event.getApplicationContext().getEnvironment().getProperty("local.server.port", "8080");
		logger.warn(banner("http://localhost:" + port));
	}

	private String banner(String app) {
		String line = "=".repeat(100);
		StringBuilder templates = new StringBuilder();
		this.templateIds.forEach((product, id) -> templates.append(" ").append(product.id()).append("=").append(id));
		return String.join(System.lineSeparator(), "", line,
				"DEMO MODE (the demo profile is active): Juhe keys are ignored.",
				"Every product talks to a fake Juhe in this process on " + this.server.baseUrl()
						+ ": no real SMS is sent, nothing is billed.",
				"Demo templates:" + templates + " (codes use " + this.templateIds.get(JuheProduct.VERIFICATION_CODE)
						+ ")",
				"See what was 'sent', codes included: curl -H 'Authorization: Bearer " + this.token + "' " + app
						+ "/demo/outbox",
				"For the real Juhe, run without the demo profile, with JUHE_SMS_KEY (or a key per product), "
						+ "JUHE_SMS_CODES_TEMPLATE_ID and SAMPLE_API_TOKEN: see README.md, \"The sample app\".",
				line);
	}

}
