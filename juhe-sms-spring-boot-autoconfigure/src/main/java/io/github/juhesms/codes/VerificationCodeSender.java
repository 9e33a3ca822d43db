package io.github.juhesms.codes;

import java.util.Map;

import io.github.juhesms.core.JuheOperation;
import io.github.juhesms.core.SendReceipt;
import io.github.juhesms.smsapi.SmsApiClient;
import io.github.juhesms.smsapi.SmsApiRequest;
import io.github.juhesms.verificationcode.VerificationCodeSmsClient;

/**
 * Sends a code's message through one Juhe product and template.
 */
public interface VerificationCodeSender {

	/**
	 * The send operation used, named in exceptions about codes.
	 * @return the operation
	 */
	JuheOperation operation();

	/**
	 * Send the message.
	 * @param mobile the mainland number
	 * @param variables the template's variables, the code among them
	 * @return the receipt
	 */
	SendReceipt send(String mobile, Map<String, String> variables);

	/**
	 * This sender for a named account and its template.
	 * @param account the account's name
	 * @param templateId the account's approved template
	 * @return the sender of the account
	 * @throws UnsupportedOperationException if this sender cannot send with accounts
	 */
	default VerificationCodeSender forAccount(String account, long templateId) {
		throw new UnsupportedOperationException(getClass().getName() + " sends with one account only");
	}

	/**
	 * Send through the Verification-code SMS product (the default).
	 * @param client the product's client
	 * @param templateId an approved template's id
	 * @return the sender
	 */
	static VerificationCodeSender verificationCodeSms(VerificationCodeSmsClient client, long templateId) {
		return new VerificationCodeSender() {

			@Override
			public JuheOperation operation() {
				return VerificationCodeSmsClient.SEND;
			}

			@Override
			public SendReceipt send(String mobile, Map<String, String> variables) {
				return client.send(mobile, templateId, variables);
			}

			@Override
			public VerificationCodeSender forAccount(String account, long accountTemplateId) {
				return verificationCodeSms(client.forAccount(account), accountTemplateId);
			}

		};
	}

	/**
	 * Send through the SMS API product.
	 * @param client the product's client
	 * @param templateId an approved template's id
	 * @return the sender
	 */
	static VerificationCodeSender smsApi(SmsApiClient client, long templateId) {
		return new VerificationCodeSender() {

			@Override
			public JuheOperation operation() {
				return SmsApiClient.SEND;
			}

			@Override
			public SendReceipt send(String mobile, Map<String, String> variables) {
				return client.send(SmsApiRequest.of(mobile, templateId, variables));
			}

			@Override
			public VerificationCodeSender forAccount(String account, long accountTemplateId) {
				return smsApi(client.forAccount(account), accountTemplateId);
			}

		};
	}

}
