package io.github.juhesms.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.autoconfigure.condition.ConditionEvaluationReport;
import org.springframework.boot.autoconfigure.condition.ConditionEvaluationReport.ConditionAndOutcome;
import org.springframework.boot.autoconfigure.condition.ConditionEvaluationReport.ConditionAndOutcomes;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The conditions Spring evaluated for a bean method or a configuration class, in order,
 * by simple class name: evaluation stops at the first that does not match, so the list
 * shows which were spared.
 */
final class EvaluatedConditions {

	private EvaluatedConditions() {
	}

	static List<String> of(ConfigurableApplicationContext context, Class<?> configuration, String beanMethod) {
		return of(context, configuration.getName() + "#" + beanMethod);
	}

	// The conditions of a configuration class itself.
	static List<String> of(ConfigurableApplicationContext context, Class<?> configuration) {
		return of(context, configuration.getName());
	}

	private static List<String> of(ConfigurableApplicationContext context, String source) {
		ConditionAndOutcomes outcomes = ConditionEvaluationReport.get(context.getBeanFactory())
			.getConditionAndOutcomesBySource()
			.get(source);
		List<String> conditions = new ArrayList<>();
		if (outcomes == null) {
			return conditions;
		}
		for (ConditionAndOutcome outcome : outcomes) {
			conditions.add(outcome.getCondition().getClass().getSimpleName());
		}
		return conditions;
	}

}
