package io.github.juhesms.autoconfigure;

import java.util.Map;

import io.github.juhesms.account.JuheSmsAccountRepository;
import io.github.juhesms.core.JuheProduct;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.condition.ConditionMessage;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.Assert;
import org.springframework.util.StringUtils;

/**
 * Condition behind {@link ConditionalOnJuheSmsKey}. Ordered with Boot's property
 * conditions, ahead of {@code @ConditionalOnMissingBean}: reading a property is cheap,
 * searching every bean definition for a type is not, and a product without a key needs no
 * search.
 */
@Order(Ordered.HIGHEST_PRECEDENCE + 40)
class OnJuheSmsKeyCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		Map<String, Object> attributes = metadata.getAnnotationAttributes(ConditionalOnJuheSmsKey.class.getName());
		Assert.state(attributes != null, "@ConditionalOnJuheSmsKey not found");
		JuheProduct product = (JuheProduct) attributes.get("value");
		ConditionMessage.Builder message = ConditionMessage.forCondition(ConditionalOnJuheSmsKey.class, product.id());
		Environment environment = context.getEnvironment();
		String ownKey = "juhe.sms." + product.id() + ".key";
		if (StringUtils.hasText(environment.getProperty(ownKey))) {
			return ConditionOutcome.match(message.foundExactly(ownKey));
		}
		if (StringUtils.hasText(environment.getProperty("juhe.sms.key"))) {
			return ConditionOutcome.match(message.foundExactly("juhe.sms.key"));
		}
		// Bound only when the default account has no key: most applications stop above.
		Map<String, JuheSmsProperties.Account> accounts = Binder.get(environment)
			.bind("juhe.sms.accounts", Bindable.mapOf(String.class, JuheSmsProperties.Account.class))
			.orElse(Map.of());
		for (Map.Entry<String, JuheSmsProperties.Account> account : accounts.entrySet()) {
			if (account.getValue().keyOf(product) != null) {
				return ConditionOutcome.match(message.found("key of account").items(account.getKey()));
			}
		}
		ConfigurableListableBeanFactory beans = context.getBeanFactory();
		if (beans != null && beans.getBeanNamesForType(JuheSmsAccountRepository.class, true, false).length > 0) {
			return ConditionOutcome.match(message.found("bean").items(JuheSmsAccountRepository.class.getName()));
		}
		return ConditionOutcome.noMatch(message.didNotFind("property")
			.items(ownKey, "juhe.sms.key", "juhe.sms.accounts.<name>[." + product.id() + "].key"));
	}

}
