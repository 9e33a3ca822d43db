package io.github.juhesms.test;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.github.juhesms.autoconfigure.JuheSmsAutoConfiguration;
import io.github.juhesms.core.JuheOperation;
import io.github.juhesms.core.JuheProduct;
import io.github.juhesms.test.fake.FakeJuheServer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@link JuheProduct} has a client bean, a properties group, endpoints in the fake
 * server, a vendor document and a row in the shared {@link ProductFixture}.
 */
class ProductCoverageTests {

	private static final List<JuheOperation> OPERATIONS = DeclaredOperations.all();

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JuheSmsAutoConfiguration.class));

	@ParameterizedTest
	@EnumSource
	void productKeyCreatesAClientBean(JuheProduct product) {
		Set<String> withoutKey = new HashSet<>();
		this.contextRunner.run((context) -> Collections.addAll(withoutKey, context.getBeanDefinitionNames()));
		this.contextRunner.withPropertyValues("juhe.sms." + product.id() + ".key=coverage-key").run((context) -> {
			assertThat(context).hasNotFailed();
			List<String> added = new ArrayList<>(List.of(context.getBeanDefinitionNames()));
			added.removeAll(withoutKey);
			assertThat(added).as("%s: juhe.sms.%s.key adds no client bean", product, product.id()).isNotEmpty();
		});
	}

	@ParameterizedTest
	@EnumSource
	void propertiesHaveAGroupForTheProduct(JuheProduct product) throws IOException {
		assertThat(metadataGroups()).as("%s: no juhe.sms.%s group in the configuration metadata", product, product.id())
			.contains("juhe.sms." + product.id());
	}

	@ParameterizedTest
	@EnumSource
	void fakeServerAnswersEveryOperationOfTheProduct(JuheProduct product) throws Exception {
		List<JuheOperation> operations = OPERATIONS.stream()
			.filter((operation) -> operation.product() == product)
			.toList();
		assertThat(operations).as("%s: no JuheOperation constant declares an operation of it", product).isNotEmpty();
		List<String> unanswered = new ArrayList<>();
		try (FakeJuheServer juhe = FakeJuheServer.start()) {
			for (JuheOperation operation : operations) {
				if (status(juhe, operation) == 404) {
					unanswered.add(operation + " " + operation.fullPath());
				}
			}
		}
		assertThat(unanswered).as("%s: operations the fake server has no endpoint for", product).isEmpty();
	}

	@ParameterizedTest
	@EnumSource
	void docsHaveAVendorDocumentForTheProduct(JuheProduct product) throws IOException {
		// Surefire runs in the module's directory; the documents are shared by all
		// modules.
		Path document = Path.of("..", "docs", "juhe", product.id() + ".txt");
		assertThat(document).as("%s: no vendor document docs/juhe/%s.txt", product, product.id()).isRegularFile();
		assertThat(Files.readString(document))
			.as("%s: docs/juhe/%s.txt does not mention the base path %s", product, product.id(), product.basePath())
			.contains(product.basePath() + "/");
	}

	@ParameterizedTest
	@EnumSource
	void productFixtureHasARowForTheProduct(JuheProduct product) {
		assertThat(ProductFixture.all()).as("%s: no row in ProductFixture.all()", product)
			.anyMatch((fixture) -> fixture.product() == product);
	}

	private static Set<String> metadataGroups() throws IOException {
		Set<String> groups = new HashSet<>();
		JsonMapper mapper = JsonMapper.builder().build();
		for (URL url : Collections.list(ProductCoverageTests.class.getClassLoader()
			.getResources("META-INF/spring-configuration-metadata.json"))) {
			try (InputStream in = url.openStream()) {
				mapper.readTree(in)
					.path("groups")
					.valueStream()
					.map((group) -> group.path("name").asString())
					.forEach(groups::add);
			}
		}
		return groups;
	}

	// The fake answers every request it has an endpoint for with a JSON envelope, an
	// error one for a request without parameters, and anything else with a 404 page.
	private static int status(FakeJuheServer juhe, JuheOperation operation) throws Exception {
		String key = URLEncoder.encode(juhe.key(operation.product()), StandardCharsets.UTF_8);
		HttpRequest request = HttpRequest.newBuilder(URI.create(juhe.baseUrl() + operation.fullPath()))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("key=" + key))
			.build();
		return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
	}

}
