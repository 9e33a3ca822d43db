package io.github.juhesms.autoconfigure;

import java.util.concurrent.Executor;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;

/**
 * Finds the executor of asynchronous sends on the first one, not at start-up: the
 * application's {@link JuheSmsAsyncExecutor} bean, else Boot's
 * {@code applicationTaskExecutor} (virtual threads with
 * {@code spring.threads.virtual.enabled} on Java 21 and later), else none, for the
 * starter's own pool. A class rather than a lambda, per the start-up rules.
 */
final class AsyncExecutorLookup implements Supplier<@Nullable Executor> {

	private final ObjectProvider<Executor> qualified;

	private final BeanFactory beanFactory;

	AsyncExecutorLookup(ObjectProvider<Executor> qualified, BeanFactory beanFactory) {
		this.qualified = qualified;
		this.beanFactory = beanFactory;
	}

	@Override
	public @Nullable Executor get() {
		Executor executor = this.qualified.getIfAvailable();
		if (executor != null) {
			return executor;
		}
		String name = TaskExecutionAutoConfiguration.APPLICATION_TASK_EXECUTOR_BEAN_NAME;
		return this.beanFactory.containsBean(name) ? this.beanFactory.getBean(name, Executor.class) : null;
	}

}
