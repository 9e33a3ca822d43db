package io.github.juhesms.autoconfigure;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import io.github.juhesms.core.JuheProduct;

import org.springframework.context.annotation.Conditional;

/**
 * Matches when a key resolves for the product: {@code juhe.sms.<product>.key}, the shared
 * {@code juhe.sms.key}, a named account's key of the product, or when a
 * {@code JuheSmsAccountRepository} bean may supply accounts.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ ElementType.TYPE, ElementType.METHOD })
@Documented
@Conditional(OnJuheSmsKeyCondition.class)
public @interface ConditionalOnJuheSmsKey {

	/**
	 * The product that needs a key.
	 * @return the product
	 */
	JuheProduct value();

}
