package io.github.juhesms.sample;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One client gets the configured number of requests per period; the next is answered 429
 * with {@code Retry-After} and sends nothing.
 */
@TestPropertySource(properties = { "sample.rate-limit-requests=3", "sample.rate-limit-period=1m" })
class ClientRateLimitTests extends StubbedJuheTests {

	@Test
	void theRequestPastTheRateIsRefusedWith429() {
		juhe.stubFor(post(urlEqualTo("/caixinv2/myTpls"))
			.willReturn(aResponse().withBody("{\"reason\":\"success\",\"result\":[],\"error_code\":0}")));
		for (int i = 0; i < 3; i++) {
			assertThat(client().get().uri("/sms/video/templates").retrieve().toEntity(String.class).getStatusCode())
				.isNotEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		}
		int reached = juhe.findAll(anyRequestedFor(anyUrl())).size();
		ResponseEntity<String> refused = client().get().uri("/sms/video/templates").retrieve().toEntity(String.class);
		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		assertThat(Long.parseLong(refused.getHeaders().getFirst(HttpHeaders.RETRY_AFTER))).isBetween(1L, 60L);
		assertThat(refused.getBody()).contains("at most 3 per 60 s");
		assertThat(client().post()
			.uri("/codes/send")
			.header(HttpHeaders.AUTHORIZATION, "Bearer wrong")
			.body("{}")
			.retrieve()
			.toEntity(String.class)
			.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		assertThat(juhe.findAll(anyRequestedFor(anyUrl()))).hasSize(reached);
	}

}
