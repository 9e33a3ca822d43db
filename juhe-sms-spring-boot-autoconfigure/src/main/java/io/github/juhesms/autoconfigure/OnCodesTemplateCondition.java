package io.github.juhesms.autoconfigure;

import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Matches when {@code juhe.sms.codes.template-id} is set and not blank: an unset
 * environment variable mapped in {@code application.yml} binds an empty value. Plain Java
 * rather than a SpEL condition, whose parser would add to every application's start-up.
 * Ordered with Boot's property conditions, so an application without a template skips the
 * search for a user's own service.
 */
@Order(Ordered.HIGHEST_PRECEDENCE + 40)
class OnCodesTemplateCondition extends SpringBootCondition {

	private static final String PROPERTY = "juhe.sms.codes.template-id";

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		ConditionMessage.Builder message = ConditionMessage.forCondition("Verification code template");
		return StringUtils.hasText(context.getEnvironment().getProperty(PROPERTY))
				? ConditionOutcome.match(message.foundExactly(PROPERTY))
				: ConditionOutcome.noMatch(message.didNotFind("property").items(PROPERTY));
	}

}
