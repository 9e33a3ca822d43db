package io.github.juhesms.autoconfigure;

import java.net.URI;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JuheUriBuilderFactoryTests {

	private final JuheUriBuilderFactory factory = new JuheUriBuilderFactory("https://v.juhe.cn");

	@Test
	void fixedPathIsExpandedOnceAndSharedAfterwards() {
		URI first = this.factory.expand("/sms/send");
		assertThat(first).isEqualTo(URI.create("https://v.juhe.cn/sms/send"));
		assertThat(this.factory.expand("/sms/send")).isSameAs(first);
		assertThat(this.factory.expand("/caixinv2/send")).isEqualTo(URI.create("https://v.juhe.cn/caixinv2/send"));
	}

	@Test
	void templateWithVariablesIsExpandedEachTime() {
		assertThat(this.factory.expand("/sms/{operation}", "send")).isEqualTo(URI.create("https://v.juhe.cn/sms/send"));
		assertThat(this.factory.expand("/sms/{operation}", "tpl")).isEqualTo(URI.create("https://v.juhe.cn/sms/tpl"));
	}

	@Test
	void templateStringIsKeptForObservations() {
		assertThat(this.factory.uriString("/sms/send").toUriString()).isEqualTo("https://v.juhe.cn/sms/send");
	}

}
