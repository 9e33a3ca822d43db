package io.github.juhesms.test.fake;

import io.github.juhesms.error.JuheSmsException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The starter's exception thrown by a call.
 */
final class Thrown {

	private Thrown() {
	}

	static JuheSmsException by(ThrowingCallable call) {
		Throwable thrown = catchThrowable(call);
		assertThat(thrown).isInstanceOf(JuheSmsException.class);
		return (JuheSmsException) thrown;
	}

	static Integer errorCode(ThrowingCallable call) {
		return by(call).getErrorCode();
	}

}
