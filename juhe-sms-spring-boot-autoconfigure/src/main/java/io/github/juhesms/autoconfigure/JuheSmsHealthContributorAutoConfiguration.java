package io.github.juhesms.autoconfigure;

import io.github.juhesms.call.JuheProductApiFactory;
import io.github.juhesms.health.JuheSmsHealthIndicator;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * The {@code juhe} health indicator, when Boot's health support is present; off with
 * {@code management.health.juhe.enabled=false}.
 */
@AutoConfiguration(after = JuheSmsAutoConfiguration.class)
@ConditionalOnClass({ HealthIndicator.class, ConditionalOnEnabledHealthIndicator.class })
@ConditionalOnBean(JuheProductApiFactory.class)
@ConditionalOnEnabledHealthIndicator("juhe")
public final class JuheSmsHealthContributorAutoConfiguration {

	// Created by Spring only.
	JuheSmsHealthContributorAutoConfiguration() {
	}

	@Bean
	@ConditionalOnMissingBean(name = "juheHealthIndicator")
	JuheSmsHealthIndicator juheHealthIndicator(JuheProductApiFactory factory) {
		return new JuheSmsHealthIndicator(factory::createdApis);
	}

}
