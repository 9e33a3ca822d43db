package io.github.juhesms.test.fake;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.test.context.TestPropertySource;

/**
 * Turns the starter's template checks off, for tests whose subject is how the fake itself
 * answers what the starter would otherwise refuse first (unknown templates, wrong
 * variables) or what reaches it (faults on any endpoint). TemplateChecksFakeTests covers
 * the checks against the fake.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@TestPropertySource(properties = { "juhe.sms.international.template-check.enabled=false",
		"juhe.sms.financial.template-check.enabled=false", "juhe.sms.verification-code.template-check.enabled=false",
		"juhe.sms.video.template-check.enabled=false" })
@interface StarterChecksOff {

}
