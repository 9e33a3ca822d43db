package io.github.juhesms.test.fake;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.juhesms.core.JuheProduct;
import io.github.juhesms.core.MessageLength;
import io.github.juhesms.core.TemplateReviewState;
import io.github.juhesms.error.JuheSmsCredentialsException;
import io.github.juhesms.error.JuheSmsRejectedException;
import io.github.juhesms.international.AreaCode;
import io.github.juhesms.international.InternationalSmsClient;
import io.github.juhesms.international.InternationalSmsRequest;
import io.github.juhesms.international.InternationalSmsResult;
import io.github.juhesms.international.InternationalTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The starter's International SMS client against the fake, end to end over HTTP.
 */
@SpringBootTest
@FakeJuheServerTest
class InternationalSmsFakeTests {

	@Autowired
	InternationalSmsClient sms;

	@Test
	void templateStartsInReviewAndSendsOnceApproved(FakeJuheServer juhe) {
		juhe.approveTemplatesImmediately(false);
		long templateId = this.sms.submitTemplate("聚合数据", "Your code is #code#").templateId();
		assertThat(this.sms.myTemplates()).singleElement()
			.returns(TemplateReviewState.IN_REVIEW, InternationalTemplate::state);
		InternationalSmsRequest request = new InternationalSmsRequest("44", "7700900123", templateId,
				Map.of("code", "1234"));
		assertThat(Thrown.by(() -> this.sms.send(request))).isInstanceOf(JuheSmsRejectedException.class)
			.returns(235705, (ex) -> ex.getErrorCode());
		assertThat(juhe.outbox()).isEmpty();

		juhe.approve(templateId);
		InternationalSmsResult result = this.sms.send(request);

		assertThat(this.sms.myTemplates()).singleElement().returns(true, InternationalTemplate::isApproved);
		assertThat(juhe.outbox()).singleElement().satisfies((message) -> {
			assertThat(message.product()).isEqualTo(JuheProduct.INTERNATIONAL);
			assertThat(message.sid()).isEqualTo(result.sid());
			assertThat(message.areaCode()).isEqualTo("44");
			assertThat(message.mobile()).isEqualTo("7700900123");
			assertThat(message.templateId()).isEqualTo(templateId);
			assertThat(message.variables()).containsExactly(Map.entry("code", "1234"));
			assertThat(message.text()).isEqualTo("【聚合数据】Your code is 1234");
		});
		assertThat(juhe.messagesTo("447700900123")).hasSize(1);
		assertThat(juhe.lastCodeSentTo("7700900123")).hasValue("1234");
	}

	@Test
	void rejectedTemplateIsNotApproved(FakeJuheServer juhe) {
		juhe.approveTemplatesImmediately(false);
		long templateId = this.sms.submitTemplate("聚合数据", "Hello").templateId();
		juhe.reject(templateId);

		assertThat(this.sms.myTemplates()).singleElement()
			.returns(TemplateReviewState.REJECTED, InternationalTemplate::state);
		assertThat(Thrown.errorCode(() -> this.sms.send(InternationalSmsRequest.of("44", "7700900123", templateId))))
			.isEqualTo(235705);
	}

	@Test
	void deletedTemplateIsRefusedAndNoLongerListed(FakeJuheServer juhe) {
		long templateId = this.sms.submitTemplate("聚合数据", "Hello").templateId();
		this.sms.deleteTemplate(templateId);

		assertThat(this.sms.myTemplates()).isEmpty();
		assertThat(juhe.template(templateId).deleted()).isTrue();
		assertThat(Thrown.errorCode(() -> this.sms.send(InternationalSmsRequest.of("44", "7700900123", templateId))))
			.isEqualTo(235707);
		assertThat(Thrown.errorCode(() -> this.sms.deleteTemplate(templateId))).isEqualTo(235707);
	}

	@Test
	void unknownTemplateIsRefused() {
		assertThat(Thrown.errorCode(() -> this.sms.send(InternationalSmsRequest.of("44", "7700900123", 99))))
			.isEqualTo(235704);
		assertThat(Thrown.errorCode(() -> this.sms.deleteTemplate(99))).isEqualTo(235704);
	}

	@Test
	void templateOfAnotherProductIsUnknown(FakeJuheServer juhe) {
		long financial = juhe.submitTemplate(JuheProduct.FINANCIAL, "聚合数据", "Hello").id();

		assertThat(Thrown.errorCode(() -> this.sms.send(InternationalSmsRequest.of("44", "7700900123", financial))))
			.isEqualTo(235704);
	}

	@Test
	void areaCodeMissingFromTheDocumentsTableIsRefused(FakeJuheServer juhe) {
		long templateId = juhe.submitTemplate(JuheProduct.INTERNATIONAL, "聚合数据", "Hello").id();

		// Mainland China (86) is a valid calling code, but not one International SMS
		// sends to.
		assertThat(Thrown.errorCode(() -> this.sms.send(InternationalSmsRequest.of("86", "13800138000", templateId))))
			.isEqualTo(235713);
	}

	@Test
	void areaCodesAreTheDocumentsTable() {
		assertThat(this.sms.areaCodes()).hasSize(208)
			.startsWith(new AreaCode("印度", "India", "91", 1))
			.endsWith(new AreaCode("比利时", "Belgium", "32", 7))
			.contains(new AreaCode("英国", "United Kingdom", "44", 3));
	}

	@ParameterizedTest(name = "{0} characters of Chinese content: {1} messages")
	@CsvSource({ "64, 1", "65, 2", "128, 2", "129, 3", "494, 8" })
	void billsChineseBy70Then67(int contentLength, int messages, FakeJuheServer juhe) {
		// 【聚合数据】 adds 6 characters.
		assertThat(send(juhe, "聚合数据", "中".repeat(contentLength), "44").billedMessages()).isEqualTo(messages);
	}

	@ParameterizedTest(name = "{0} characters of English content: {1} messages")
	@CsvSource({ "134, 1", "135, 2", "262, 2", "263, 3" })
	void billsPureEnglishBy140Then134(int contentLength, int messages, FakeJuheServer juhe) {
		assertThat(send(juhe, "Juhe", "a".repeat(contentLength), "44").billedMessages()).isEqualTo(messages);
	}

	@Test
	void oneChineseCharacterMakesTheTextChinese(FakeJuheServer juhe) {
		assertThat(send(juhe, "Juhe", "a".repeat(100) + "中", "44").billedMessages()).isEqualTo(2);
	}

	@Test
	void anEmojiOutsideTheBasicPlaneIsBilledAsTwoCharacters(FakeJuheServer juhe) {
		// 【聚合数据】 (6) + 63 + 😀 (2 UTF-16 code units) = 71: two messages, as carriers
		// count; 64 and ☺ (U+263A, one unit) = 70: one.
		assertThat(send(juhe, "聚合数据", "中".repeat(63) + "😀", "44").billedMessages()).isEqualTo(2);
		assertThat(send(juhe, "聚合数据", "中".repeat(63) + "☺", "44").billedMessages()).isEqualTo(1);
	}

	@ParameterizedTest(name = "{2} Chinese characters to area {0}: fee {3}")
	@CsvSource({ "32, 470123456, 1, 7", "32, 470123456, 65, 14", "44, 7700900123, 64, 3", "44, 7700900123, 128, 6",
			"44, 7700900123, 129, 9", "1, 2025550123, 65, 2" })
	void feeIsTheStartersMessageLengthTimesTheAreasFee(String areaCode, String mobile, int contentLength, int fee,
			FakeJuheServer juhe) {
		long templateId = juhe.submitTemplate(JuheProduct.INTERNATIONAL, "聚合数据", "#text#").id();

		InternationalSmsResult result = this.sms
			.send(new InternationalSmsRequest(areaCode, mobile, templateId, Map.of("text", "中".repeat(contentLength))));

		SentMessage message = juhe.outbox().get(0);
		assertThat(result.fee()).isEqualTo(fee).isEqualTo(message.fee());
		assertThat(fee)
			.isEqualTo(MessageLength.of(message.text()).billedUnits() * VendorDocuments.feeByAreaCode().get(areaCode));
	}

	@Test
	void feeIsMessagesTimesTheAreasFee(FakeJuheServer juhe) {
		long templateId = juhe.submitTemplate(JuheProduct.INTERNATIONAL, "聚合数据", "#text#").id();

		// Belgium costs 7 per message, the United Kingdom 3; area code 1 is Canada's
		// entry, 1.
		assertThat(this.sms
			.send(new InternationalSmsRequest("32", "470123456", templateId, Map.of("text", "中".repeat(65))))
			.fee()).isEqualTo(14);
		assertThat(
				this.sms.send(new InternationalSmsRequest("44", "7700900123", templateId, Map.of("text", "中"))).fee())
			.isEqualTo(3);
		assertThat(this.sms.send(new InternationalSmsRequest("1", "2025550123", templateId, Map.of("text", "中"))).fee())
			.isEqualTo(1);
		assertThat(juhe.outbox()).extracting(SentMessage::fee).containsExactly(14, 3, 1);
	}

	@Test
	void contentOver500CharactersIsRefused(FakeJuheServer juhe) {
		long templateId = juhe.submitTemplate(JuheProduct.INTERNATIONAL, "聚合数据", "#text#").id();

		assertThat(Thrown.errorCode(() -> this.sms
			.send(new InternationalSmsRequest("44", "7700900123", templateId, Map.of("text", "中".repeat(495))))))
			.isEqualTo(235709);
		assertThat(juhe.outbox()).isEmpty();
	}

	@Test
	void variablesWithSpecialCharactersArriveIntact(FakeJuheServer juhe) {
		long templateId = this.sms.submitTemplate("聚合数据", "#a&b=c# #name# #odd#").templateId();
		Map<String, String> variables = new LinkedHashMap<>();
		variables.put("a&b=c", "#1 & 2 = 3#");
		variables.put("name", "100% + 张三");
		variables.put("odd", "%23not-escaped%3D");

		this.sms.send(new InternationalSmsRequest("44", "7700900123", templateId, variables));

		assertThat(juhe.outbox()).singleElement().satisfies((message) -> {
			assertThat(message.variables()).containsExactlyEntriesOf(variables);
			assertThat(message.text()).isEqualTo("【聚合数据】#1 & 2 = 3# 100% + 张三 %23not-escaped%3D");
		});
	}

	@Test
	void wrongKeyIsRefusedOnEveryEndpoint(FakeJuheServer juhe) {
		long templateId = juhe.submitTemplate(JuheProduct.INTERNATIONAL, "聚合数据", "Hello").id();
		FakeJuheContexts.runner(juhe).withPropertyValues("juhe.sms.international.key=wrong").run((context) -> {
			InternationalSmsClient sms = context.getBean(InternationalSmsClient.class);
			assertThat(Thrown.by(() -> sms.submitTemplate("聚合数据", "Hello")))
				.isInstanceOf(JuheSmsCredentialsException.class)
				.returns(10001, (ex) -> ex.getErrorCode());
			assertThat(Thrown.errorCode(() -> sms.send(InternationalSmsRequest.of("44", "7700900123", templateId))))
				.isEqualTo(10001);
			assertThat(Thrown.errorCode(sms::areaCodes)).isEqualTo(10001);
			assertThat(Thrown.errorCode(sms::myTemplates)).isEqualTo(10001);
			assertThat(Thrown.errorCode(() -> sms.deleteTemplate(templateId))).isEqualTo(10001);
		});
		assertThat(juhe.outbox()).isEmpty();
		assertThat(juhe.template(templateId).deleted()).isFalse();
	}

	private SentMessage send(FakeJuheServer juhe, String signature, String content, String areaCode) {
		long templateId = juhe.submitTemplate(JuheProduct.INTERNATIONAL, signature, "#text#").id();
		this.sms.send(new InternationalSmsRequest(areaCode, "7700900123", templateId, Map.of("text", content)));
		return juhe.outbox().get(juhe.outbox().size() - 1);
	}

}
