package io.github.juhesms.call;

import java.util.List;
import java.util.Map;

import io.github.juhesms.account.JuheSmsAccount;
import io.github.juhesms.call.JuheForm.VariablesEncoding;
import io.github.juhesms.core.JuheOperation;
import io.github.juhesms.core.JuheProduct;
import io.github.juhesms.core.SendOptions;
import io.github.juhesms.error.JuheSmsInvalidRequestException;
import io.github.juhesms.store.SendAdmission;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * A send is one typed value: built only with its recipients, template and options.
 */
class JuheCallTests {

	private static final JuheOperation SEND = JuheOperation.send(JuheProduct.VIDEO, "send", "/send");

	private static final JuheOperation QUERY = JuheOperation.query(JuheProduct.VIDEO, "myTpls", "/myTpls");

	@Test
	void aSendCannotBeBuiltThroughTheGenericFactory() {
		assertThatIllegalArgumentException().isThrownBy(() -> JuheCall.of(SEND, new JuheForm()))
			.withMessageContaining("video.send is a send: build it with JuheCall.send");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> JuheCall.of(SEND, new JuheForm(), List.of("13800138000"), 1L));
	}

	@Test
	void aSendNeedsRecipients() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> JuheCall.send(SEND, new JuheForm(), List.of(), 1, SendOptions.NONE))
			.withMessageContaining("needs at least one recipient");
	}

	@Test
	void aQueryCannotBeBuiltAsASend() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> JuheCall.send(QUERY, new JuheForm(), List.of("13800138000"), 1, SendOptions.NONE));
	}

	@Test
	void aSendCarriesItsOptionsAndTemplate() {
		JuheCall call = JuheCall.send(SEND, new JuheForm(), List.of("13800138000"), 42,
				SendOptions.idempotencyKey("order-1"));
		assertThat(call.idempotencyKey()).isEqualTo("order-1");
		assertThat(call.templateId()).isEqualTo(42L);
		assertThat(call.mobiles()).containsExactly("13800138000");
		assertThat(call.admission()).isNull();
	}

	@Test
	void anAdmissionMustBeOfSomeOfTheCallsRecipients() {
		JuheCall call = JuheCall.send(SEND, new JuheForm(), List.of("13800138000", "13700137000"), 42,
				SendOptions.NONE);
		JuheForm narrowed = new JuheForm().add("mobile", "13800138000");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> call.withAdmission(SendAdmission.unlimited(List.of("13900139000")), narrowed));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> call.withAdmission(SendAdmission.unlimited(List.of()), narrowed));
		JuheCall admitted = call.withAdmission(SendAdmission.unlimited(List.of("13800138000")), narrowed);
		assertThat(admitted.admission()).isNotNull();
		assertThat(admitted.mobiles()).containsExactly("13800138000");
		assertThat(admitted.form()).isSameAs(narrowed);
	}

	@Test
	void aKeyedSendIsFingerprintedByItsOperationAndEveryParameter() {
		SendOptions key = SendOptions.idempotencyKey("order-1");
		JuheForm form = new JuheForm().add("mobile", "13800138000").add("tplId", 42);
		String fingerprint = JuheCall.send(SEND, form, List.of("13800138000"), 42, key)
			.guarded(JuheSmsAccount.DEFAULT, java.time.Instant.now(), false)
			.fingerprint();
		assertThat(fingerprint).hasSize(64)
			.isEqualTo(JuheCall
				.send(SEND, new JuheForm().add("mobile", "13800138000").add("tplId", 42), List.of("13800138000"), 42,
						SendOptions.idempotencyKey("order-2"))
				.guarded(JuheSmsAccount.DEFAULT, java.time.Instant.now(), false)
				.fingerprint())
			.isNotEqualTo(new JuheForm().add("mobile", "13800138000").add("tplId", 43).fingerprint(SEND))
			.isNotEqualTo(new JuheForm().add("mobile", "13800138000").add("tplId4", 2).fingerprint(SEND))
			.isNotEqualTo(form.fingerprint(JuheOperation.send(JuheProduct.SMS_API, "send", "/send")));
		// Narrowed by the limits, the send keeps the whole request's fingerprint.
		JuheCall narrowed = JuheCall.send(SEND, form, List.of("13800138000", "13700137000"), 42, key)
			.withAdmission(SendAdmission.unlimited(List.of("13800138000")), new JuheForm());
		assertThat(narrowed.guarded(JuheSmsAccount.DEFAULT, java.time.Instant.now(), false).fingerprint())
			.isEqualTo(fingerprint);
		// An unkeyed send is never compared, so it is not fingerprinted.
		assertThat(JuheCall.send(SEND, form, List.of("13800138000"), 42, SendOptions.NONE)
			.guarded(JuheSmsAccount.DEFAULT, java.time.Instant.now(), false)
			.fingerprint()).isNull();
	}

	@Test
	void variablesAreLeftOutSentOrRequiredAsTheProductNeeds() {
		assertThat(new JuheForm().addVariables(SEND, "tplValue", Map.of(), VariablesEncoding.PAIRS_OMITTED_WHEN_EMPTY)
			.get("tplValue")).isNull();
		assertThat(new JuheForm().addVariables(SEND, "tpl_value", Map.of(), VariablesEncoding.PAIRS).get("tpl_value"))
			.isEmpty();
		assertThat(new JuheForm().addVariables(SEND, "vars", Map.of(), VariablesEncoding.JSON).get("vars"))
			.isEqualTo("{}");
		assertThatExceptionOfType(JuheSmsInvalidRequestException.class)
			.isThrownBy(
					() -> new JuheForm().addVariables(SEND, "tplValue", Map.of(), VariablesEncoding.PAIRS_AT_LEAST_ONE))
			.withMessageContaining("'tplValue'")
			.withMessageContaining("at least one variable");
	}

	@Test
	void variablesAreValidatedWithOneExceptionType() {
		for (VariablesEncoding encoding : VariablesEncoding.values()) {
			assertThatExceptionOfType(JuheSmsInvalidRequestException.class)
				.isThrownBy(() -> new JuheForm().addVariables(SEND, "tplValue", Map.of("#code#", "1"), encoding))
				.withMessageContaining("without the surrounding '#'");
			assertThatExceptionOfType(JuheSmsInvalidRequestException.class)
				.isThrownBy(() -> new JuheForm().addVariables(SEND, "tplValue", null, encoding))
				.withMessageContaining("is required");
		}
	}

}
