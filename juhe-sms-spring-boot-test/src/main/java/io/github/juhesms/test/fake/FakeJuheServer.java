package io.github.juhesms.test.fake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import io.github.juhesms.core.JuheProduct;
import io.github.juhesms.core.TemplateReviewState;
import io.github.juhesms.financial.Carrier;

/**
 * A fake Juhe server over real HTTP on a random local port, implementing every endpoint
 * of the five SMS products with the documents' parameters, answers and error codes, plus
 * a test API: the outbox of accepted messages, template review, fault injection and
 * reset.
 *
 * <p>
 * It is built on the JDK's {@code com.sun.net.httpserver}: no dependency enters the test
 * classpath, and the stateful endpoints are plain Java rather than stub mappings. All
 * methods are thread-safe. In a JUnit 5 or {@code @SpringBootTest} test, use
 * {@link FakeJuheServerTest}; by hand:
 *
 * <pre class="code">
 * try (FakeJuheServer juhe = FakeJuheServer.start()) {
 * 	// point juhe.sms.base-url and the keys at juhe.properties(), send, then read juhe.outbox()
 * }
 * </pre>
 *
 * <p>
 * A request first meets any {@linkplain #failNext injected fault}, then the product's key
 * (10001 when wrong or missing), then the endpoint's parameters, template and variables,
 * each refused with the product's documented code (for example International SMS: 235701
 * malformed template id, 235702/235713 area code, 235710 mobile, 235704 unknown, 235707
 * deleted, 235705 not approved template, 235709 over 500 characters). Mainland products
 * accept {@code 1[3-9]} followed by 9 digits; International SMS accepts 4-14 digits and
 * the area codes of the document's {@code areaCode} table; Video SMS sends only to China
 * Mobile numbers (the starter's default prefixes, else 236306). Carriers are otherwise
 * told by a small prefix table (see {@link #carrierPrefixes()}), not the full plan.
 *
 * <p>
 * Besides its {@value #DEFAULT_ACCOUNT} account, a server may have
 * {@linkplain Builder#account(String) named accounts}: separate subscriptions, each with
 * its keys, templates no other account's keys see, and standing verification-code
 * template. Messages and requests record the account whose key they carried.
 */
public final class FakeJuheServer implements AutoCloseable {

	/** The name of the account whose keys are {@code juhe.sms.<product>.key}. */
	public static final String DEFAULT_ACCOUNT = FakeAccounts.DEFAULT;

	static final String NODELAY_PROPERTY = "sun.net.httpserver.nodelay";

	static {
		// The JDK's server writes an answer's head and body apart; with Nagle's algorithm
		// on, the body waits for the client's delayed ACK, about 40 ms a request. The JDK
		// reads the setting once, when its first server in the JVM starts; a value set by
		// the application is kept.
		if (System.getProperty(NODELAY_PROPERTY) == null) {
			System.setProperty(NODELAY_PROPERTY, "true");
		}
	}

	private final FakeJuhe juhe;

	private final HttpServer server;

	private final ExecutorService executor;

	private FakeJuheServer(Map<JuheProduct, String> keys, Map<String, Map<JuheProduct, String>> accounts, int port) {
		this.juhe = new FakeJuhe(keys, accounts);
		try {
			this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start the fake Juhe server", ex);
		}
		// Threads of their own, so a delayed answer does not hold back the next request.
		AtomicInteger threads = new AtomicInteger();
		this.executor = Executors.newCachedThreadPool((task) -> {
			Thread thread = new Thread(task, "fake-juhe-" + threads.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
		this.server.setExecutor(this.executor);
		this.server.createContext("/", new FakeJuheHttpHandler(this.juhe));
		startOnADaemonThread(this.server, this.executor);
	}

	// The JDK's dispatcher thread is a daemon only if the thread that starts the server
	// is one. Then a server nobody closes, such as the one the ahead-of-time processing
	// of a test context starts, does not keep that JVM from ending.
	private static void startOnADaemonThread(HttpServer server, ExecutorService daemons) {
		try {
			daemons.submit(server::start).get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while starting the fake Juhe server", ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException("Could not start the fake Juhe server", ex.getCause());
		}
	}

	/**
	 * Start a server on a random port of the loopback address, with the default key of
	 * each product.
	 * @return the running server
	 */
	public static FakeJuheServer start() {
		return builder().start();
	}

	/**
	 * A builder, to choose the keys the server accepts.
	 * @return the builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * The base URL to set as {@code juhe.sms.base-url}.
	 * @return e.g. {@code http://127.0.0.1:54321}
	 */
	public String baseUrl() {
		return "http://" + this.server.getAddress().getAddress().getHostAddress() + ":" + port();
	}

	/**
	 * The port the server listens on.
	 * @return the port
	 */
	public int port() {
		return this.server.getAddress().getPort();
	}

	/**
	 * The key of the {@value #DEFAULT_ACCOUNT} account for a product; a key that is no
	 * account's key for the product is answered 10001.
	 * @param product the product
	 * @return the key
	 */
	public String key(JuheProduct product) {
		return key(DEFAULT_ACCOUNT, product);
	}

	/**
	 * The key of an account for a product.
	 * @param account the account's name, or {@value #DEFAULT_ACCOUNT}
	 * @param product the product
	 * @return the key
	 * @throws IllegalArgumentException if there is no such account
	 */
	public String key(String account, JuheProduct product) {
		return this.juhe.key(account, product);
	}

	/**
	 * The names of the server's accounts.
	 * @return {@value #DEFAULT_ACCOUNT} first, then the others in the order they were
	 * added
	 */
	public List<String> accounts() {
		return this.juhe.accountNames();
	}

	/**
	 * One account: its keys, outbox and templates.
	 * @param name the account's name, or {@value #DEFAULT_ACCOUNT}
	 * @return the account
	 * @throws IllegalArgumentException if there is no such account
	 */
	public FakeJuheAccount account(String name) {
		return this.juhe.account(name);
	}

	// Idempotent, for the shared server: each test class adds the accounts it asks for.
	void addAccounts(Collection<String> names) {
		this.juhe.addAccounts(names);
	}

	/**
	 * The starter's properties that point every product of every account at this server:
	 * {@code juhe.sms.base-url}, {@code juhe.sms.<product>.key} and
	 * {@code juhe.sms.codes.template-id} of the {@linkplain #verificationCodeTemplate()
	 * standing verification-code template}, and for each named account
	 * {@code juhe.sms.accounts.<name>.<product>.key} and
	 * {@code juhe.sms.accounts.<name>.codes.template-id}, and a template-check
	 * {@code recheck-interval} of 0 so that the starter sees templates a test adds or
	 * approves at once; e.g. for {@code @DynamicPropertySource}.
	 * @return the property names and values
	 */
	public Map<String, String> properties() {
		return properties(accounts());
	}

	// The default account's properties and those of the named accounts given. The
	// starter's template checks look at the list again whenever a send names a template
	// it does not know or cannot use, so a template a test adds or approves is seen at
	// once.
	Map<String, String> properties(Collection<String> accounts) {
		Map<String, String> properties = new LinkedHashMap<>();
		properties.put("juhe.sms.base-url", baseUrl());
		properties.putAll(this.juhe.properties(accounts));
		for (String product : List.of("international", "financial", "verification-code", "video")) {
			properties.put("juhe.sms." + product + ".template-check.recheck-interval", "0s");
		}
		return properties;
	}

	/**
	 * The verification-code template every fake server has: approved, from the document's
	 * option template 1001 ({@code 您的验证码是#code#}) under the signature {@code 聚合测试}, made
	 * when first asked for (here or by {@link #properties()}) and brought back as it was
	 * by {@link #reset()}. {@link #properties()} points
	 * {@code juhe.sms.codes.template-id} at it, so the starter's
	 * {@code VerificationCodeService} works against the fake without a known id.
	 * @return the template
	 */
	public FakeTemplate verificationCodeTemplate() {
		return this.juhe.verificationCodeTemplate(DEFAULT_ACCOUNT);
	}

	/**
	 * Every message accepted since the last reset, whatever the account, in order. A send
	 * to several numbers is one message per number.
	 * @return the messages
	 */
	public List<SentMessage> outbox() {
		return this.juhe.outbox();
	}

	/**
	 * The messages accepted with an account's keys since the last reset, in order.
	 * @param account the account's name, or {@value #DEFAULT_ACCOUNT}
	 * @return the messages
	 * @throws IllegalArgumentException if there is no such account
	 */
	public List<SentMessage> outbox(String account) {
		return account(account).outbox();
	}

	/**
	 * The messages accepted for a number.
	 * @param mobile the number; for International SMS also the area code followed by the
	 * number
	 * @return the messages, in order
	 */
	public List<SentMessage> messagesTo(String mobile) {
		return outbox().stream().filter((message) -> message.isTo(mobile)).toList();
	}

	/**
	 * The last verification code sent to a number: the {@code code} variable of the last
	 * message to it that has one, whatever the product.
	 * @param mobile the number
	 * @return the code, or empty when none was sent
	 */
	public Optional<String> lastCodeSentTo(String mobile) {
		List<SentMessage> messages = messagesTo(mobile);
		for (int i = messages.size() - 1; i >= 0; i--) {
			String code = messages.get(i).code();
			if (code != null) {
				return Optional.of(code);
			}
		}
		return Optional.empty();
	}

	/**
	 * How many requests an endpoint received since the last reset, answered or not: shows
	 * whether a client retried.
	 * @param endpoint the endpoint
	 * @return the number of requests
	 */
	public int requestCount(JuheEndpoint endpoint) {
		return (int) requests().stream().filter((request) -> request.endpoint() == endpoint).count();
	}

	/**
	 * Every request received since the last reset, answered or not, in order, with the
	 * account whose key it carried.
	 * @return the requests
	 */
	public List<ReceivedRequest> requests() {
		return this.juhe.requests();
	}

	/**
	 * Whether templates submitted from now on are approved at once (the default, restored
	 * by {@link #reset()}) or stay in review until {@link #approve(long)}.
	 * @param approve {@code true} to approve at once
	 */
	public void approveTemplatesImmediately(boolean approve) {
		this.juhe.approveTemplatesImmediately(approve);
	}

	/**
	 * Submit a template for the {@value #DEFAULT_ACCOUNT} account as the product's
	 * console, support or {@code submitTpl} would (for another account, see
	 * {@link FakeJuheAccount#submitTemplate}). Financial SMS registers it for all
	 * networks and each carrier, as its {@code submitTpl.php} does, and returns the
	 * all-networks one; the carriers' ones are in {@link #templates()}.
	 * @param product any product but Verification-code SMS (see
	 * {@link #submitVerificationCodeTemplate(String, int)})
	 * @param signature the signature, without brackets
	 * @param content the content, variables written {@code #name#}
	 * @return the template
	 */
	public FakeTemplate submitTemplate(JuheProduct product, String signature, String content) {
		return this.juhe.submitTemplate(DEFAULT_ACCOUNT, product, signature, content);
	}

	/**
	 * Submit a verification-code template from one of the document's option templates.
	 * @param signature the signature, without brackets
	 * @param templateCode the option template's {@code tplcode}, e.g. {@code 1001}
	 * @return the template
	 */
	public FakeTemplate submitVerificationCodeTemplate(String signature, int templateCode) {
		return this.juhe.submitVerificationCodeTemplate(DEFAULT_ACCOUNT, signature, templateCode);
	}

	/**
	 * Approve a template, so sends may use it.
	 * @param templateId the template id
	 */
	public void approve(long templateId) {
		this.juhe.review(templateId, TemplateReviewState.APPROVED);
	}

	/**
	 * Reject a template in review: sends with it are refused as not approved.
	 * @param templateId the template id
	 */
	public void reject(long templateId) {
		this.juhe.review(templateId, TemplateReviewState.REJECTED);
	}

	/**
	 * Delete a template, as International SMS's {@code deleteTpl} or Juhe's support
	 * would.
	 * @param templateId the template id
	 */
	public void deleteTemplate(long templateId) {
		this.juhe.deleteTemplate(templateId);
	}

	/**
	 * Every template of the {@value #DEFAULT_ACCOUNT} account, of every product, deleted
	 * ones included, in the order they were submitted; another account's are in
	 * {@link FakeJuheAccount#templates()}, so that the standing templates of accounts
	 * other test classes added to a shared server are not in the way.
	 * @return the templates
	 */
	public List<FakeTemplate> templates() {
		return this.juhe.templates(DEFAULT_ACCOUNT);
	}

	/**
	 * One template.
	 * @param templateId the template id
	 * @return the template as it is now
	 * @throws IllegalArgumentException if there is no such template
	 */
	public FakeTemplate template(long templateId) {
		return this.juhe.template(templateId);
	}

	/**
	 * Answer the next requests a target matches with an error code (e.g. a busy code such
	 * as 235700) instead of processing them: nothing is sent or billed.
	 * @param target an endpoint, {@link FaultTarget#anyEndpoint()} or
	 * {@link FaultTarget#mobile(String)}
	 * @param times how many requests
	 * @param errorCode the {@code error_code}; the reason is the document's text for it
	 */
	public void failNext(FaultTarget target, int times, int errorCode) {
		this.juhe.inject(target, times, Fault.errorCode(errorCode));
	}

	/**
	 * Process the next requests a target matches but hold each answer back: with a delay
	 * beyond the client's read timeout, a send is accepted (and in the outbox) while the
	 * client sees a timeout.
	 * @param target an endpoint, {@link FaultTarget#anyEndpoint()} or
	 * {@link FaultTarget#mobile(String)}
	 * @param times how many requests
	 * @param delay how long each answer is held back
	 */
	public void delayNext(FaultTarget target, int times, Duration delay) {
		this.juhe.inject(target, times, Fault.delay(delay));
	}

	/**
	 * Process the next requests a target matches, then close the connection without
	 * answering: a send is accepted (and in the outbox) while the client's answer is
	 * lost.
	 * @param target an endpoint, {@link FaultTarget#anyEndpoint()} or
	 * {@link FaultTarget#mobile(String)}
	 * @param times how many requests
	 */
	public void dropConnectionNext(FaultTarget target, int times) {
		this.juhe.inject(target, times, Fault.of(Fault.Kind.DROP_CONNECTION));
	}

	/**
	 * Answer the next requests a target matches with a gateway's "502 Bad Gateway" HTML
	 * page, without processing them.
	 * @param target an endpoint, {@link FaultTarget#anyEndpoint()} or
	 * {@link FaultTarget#mobile(String)}
	 * @param times how many requests
	 */
	public void htmlErrorPageNext(FaultTarget target, int times) {
		this.juhe.inject(target, times, Fault.of(Fault.Kind.HTML_ERROR_PAGE));
	}

	/**
	 * Forget all messages, request counts, submitted templates and pending faults, and
	 * approve templates immediately again. The accounts and their keys, the port and each
	 * account's {@linkplain #verificationCodeTemplate() standing verification-code
	 * template} stay. Template ids are never reused: they start at 10000 and keep rising
	 * within the JVM, across resets and servers, so read a template's id from what
	 * submitting it returned.
	 */
	public void reset() {
		this.juhe.reset();
	}

	/**
	 * The prefix table the fake tells carriers by: the first three digits of each
	 * carrier's own ranges. Virtual-operator ranges (170, 171, 162, 165, 167) and China
	 * Broadnet (192) are not in it.
	 * @return prefixes by carrier
	 */
	public static Map<Carrier, List<String>> carrierPrefixes() {
		return Carriers.prefixes();
	}

	/**
	 * Stop the server and its threads.
	 */
	@Override
	public void close() {
		this.server.stop(0);
		this.executor.shutdownNow();
	}

	@Override
	public String toString() {
		return "FakeJuheServer[" + baseUrl() + "]";
	}

	/**
	 * Chooses the keys a {@link FakeJuheServer} accepts. Unless told otherwise, each
	 * product of the {@value FakeJuheServer#DEFAULT_ACCOUNT} account accepts
	 * {@code fake-<product id>-key}, e.g. {@code fake-international-key}.
	 */
	public static final class Builder {

		private final Map<JuheProduct, String> keys = new EnumMap<>(JuheProduct.class);

		private final Map<String, Map<JuheProduct, String>> accounts = new LinkedHashMap<>();

		private int port;

		private Builder() {
			for (JuheProduct product : JuheProduct.values()) {
				this.keys.put(product, "fake-" + product.id() + "-key");
			}
		}

		/**
		 * Accept one key for every product, like {@code juhe.sms.key}.
		 * @param key the key
		 * @return this builder
		 */
		public Builder key(String key) {
			for (JuheProduct product : JuheProduct.values()) {
				key(product, key);
			}
			return this;
		}

		/**
		 * Accept a key for one product, like {@code juhe.sms.<product>.key}.
		 * @param product the product
		 * @param key the key
		 * @return this builder
		 */
		public Builder key(JuheProduct product, String key) {
			if (key.isBlank()) {
				throw new IllegalArgumentException("The key of " + product.id() + " must not be blank");
			}
			this.keys.put(product, key);
			return this;
		}

		/**
		 * Add a named account whose key for each product is
		 * {@code fake-<name>-<product id>-key}, like
		 * {@code juhe.sms.accounts.<name>.<product>.key}.
		 * @param name 1-64 letters, digits, {@code _} or {@code -}, starting with a
		 * letter or digit; not {@value FakeJuheServer#DEFAULT_ACCOUNT}
		 * @return this builder
		 */
		public Builder account(String name) {
			if (this.accounts.putIfAbsent(FakeAccounts.checkName(name), FakeAccounts.keysOf(name)) != null) {
				throw new IllegalArgumentException("The fake Juhe server already has an account named '" + name + "'");
			}
			return this;
		}

		/**
		 * Start the server on the loopback address, on a random port unless
		 * {@linkplain #port(int) one was chosen}.
		 * @return the running server
		 * @throws IllegalArgumentException if two accounts share a key
		 */
		public FakeJuheServer start() {
			return new FakeJuheServer(this.keys, this.accounts, this.port);
		}

		/**
		 * Listen on a fixed port of the loopback address rather than a random one, e.g.
		 * for a fake that a running application is pointed at.
		 * @param port the port, or 0 for a random one
		 * @return this builder
		 */
		public Builder port(int port) {
			if (port < 0 || port > 65535) {
				throw new IllegalArgumentException("The port must be between 0 and 65535, was " + port);
			}
			this.port = port;
			return this;
		}

	}

}
