package io.github.juhesms.call;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.github.juhesms.core.JuheOperation;
import io.github.juhesms.core.JuheProduct;
import org.jspecify.annotations.Nullable;

import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.core.retry.Retryable;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The retries of one account's product: a Spring {@link RetryTemplate} per operation,
 * since the {@link RetryRule} depends on the operation, all sharing one retry budget.
 * Built on the first call.
 */
final class ProductRetries {

	private final JuheProduct product;

	private final String account;

	private final Set<Integer> busyCodes;

	private final JuheRetrySettings retry;

	private final RetryBudgetSettings budget;

	private final JuheSmsMetrics metrics;

	private final Map<JuheOperation, RetryTemplate> templates = new ConcurrentHashMap<>();

	private volatile @Nullable RetryRule rule;

	ProductRetries(JuheProduct product, String account, Set<Integer> busyCodes, CallServices services) {
		this.product = product;
		this.account = account;
		this.busyCodes = busyCodes;
		this.retry = services.retry();
		this.budget = services.retryBudget();
		this.metrics = services.metrics();
	}

	/**
	 * Run the attempts of one call, each repeated while the rule allows it.
	 * @param <T> the attempt's result type
	 * @param operation the operation called
	 * @param attempt one attempt
	 * @return the result of the attempt that succeeded
	 */
	<T> T run(JuheOperation operation, Retryable<T> attempt) {
		RetryTemplate template = this.templates.get(operation);
		if (template == null) {
			template = this.templates.computeIfAbsent(operation, (created) -> newTemplate(created, rule()));
		}
		try {
			return template.execute(attempt);
		}
		catch (RetryException ex) {
			Throwable last = ex.getLastException();
			if (last instanceof RuntimeException runtime) {
				throw runtime;
			}
			if (last instanceof Error error) {
				throw error;
			}
			throw new IllegalStateException(last);
		}
	}

	private RetryRule rule() {
		RetryRule rule = this.rule;
		if (rule == null) {
			synchronized (this) {
				rule = this.rule;
				if (rule == null) {
					rule = new RetryRule(this.busyCodes, this.retry.maxAttempts(), new RetryBudget(this.budget));
					this.rule = rule;
				}
			}
		}
		return rule;
	}

	private RetryTemplate newTemplate(JuheOperation operation, RetryRule rule) {
		ExponentialBackOff backOff = new ExponentialBackOff(this.retry.initialInterval().toMillis(),
				this.retry.multiplier());
		backOff.setMaxInterval(this.retry.maxInterval().toMillis());
		backOff.setJitter(this.retry.jitter().toMillis());
		backOff.setMaxAttempts(this.retry.maxAttempts() - 1);
		return new RetryTemplate(RetryPolicy.builder().backOff(backOff).predicate((failure) -> {
			RetryRule.Decision decision = rule.decide(operation, failure);
			if (decision == RetryRule.Decision.RETRY) {
				this.metrics.retried(operation, this.account, failure);
			}
			else if (decision == RetryRule.Decision.BUDGET_EMPTY) {
				this.metrics.retryDenied(this.product, this.account);
			}
			return decision == RetryRule.Decision.RETRY;
		}).build());
	}

}
