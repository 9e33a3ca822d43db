package io.github.juhesms.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The configuration metadata IDEs read: every {@code juhe.sms.*} property is there with a
 * description.
 */
class ConfigurationMetadataTests {

	@Test
	void everyPropertyHasADescription() throws IOException {
		JsonNode properties = metadata().get("properties");
		assertThat(properties.size()).isGreaterThanOrEqualTo(26);
		assertThat(properties.values()).allSatisfy((property) -> {
			assertThat(property.get("name").asString()).startsWith("juhe.sms.");
			assertThat(property.path("description").asString()).as(property.get("name").asString()).isNotBlank();
		});
	}

	@Test
	void busyCodeDefaultsAreDocumentedPerProduct() throws IOException {
		Map<String, List<Integer>> expected = Map.of("international", List.of(235700, 235712), "financial",
				List.of(228807), "verification-code", List.of(), "sms-api", List.of(205403, 205409), "video",
				List.of(236300));
		JsonNode properties = metadata().get("properties");
		expected.forEach((product, codes) -> {
			JsonNode property = properties.valueStream()
				.filter((candidate) -> candidate.get("name").asString().equals("juhe.sms." + product + ".busy-codes"))
				.findFirst()
				.orElseThrow();
			assertThat(property.get("defaultValue").valueStream().map(JsonNode::asInt).toList()).isEqualTo(codes);
		});
	}

	private static JsonNode metadata() throws IOException {
		try (InputStream in = new ClassPathResource("META-INF/spring-configuration-metadata.json").getInputStream()) {
			return JsonMapper.builder().build().readTree(in);
		}
	}

}
