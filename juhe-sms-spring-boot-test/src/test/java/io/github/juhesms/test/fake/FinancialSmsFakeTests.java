package io.github.juhesms.test.fake;

import java.util.List;
import java.util.Map;

import io.github.juhesms.core.JuheProduct;
import io.github.juhesms.core.TemplateReviewState;
import io.github.juhesms.financial.Carrier;
import io.github.juhesms.financial.CarrierGroupSend;
import io.github.juhesms.financial.CarrierSendReport;
import io.github.juhesms.financial.CarrierTemplates;
import io.github.juhesms.financial.FinancialSmsClient;
import io.github.juhesms.financial.FinancialSmsRequest;
import io.github.juhesms.financial.FinancialSmsResult;
import io.github.juhesms.financial.FinancialTemplate;
import io.github.juhesms.financial.MobileGroups;
import io.github.juhesms.financial.SubmittedFinancialTemplate;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The starter's Financial SMS client against the fake, end to end over HTTP.
 */
@SpringBootTest
@FakeJuheServerTest
@StarterChecksOff
class FinancialSmsFakeTests {

	private static final String MOBILE = "13800138000";

	private static final String MOBILE_2 = "13912345678";

	private static final String UNICOM = "13012345678";

	private static final String TELECOM = "18912345678";

	private static final String VIRTUAL_OPERATOR = "17012345678";

	@Autowired
	FinancialSmsClient sms;

	@Test
	void submitRegistersTheTemplateForAllNetworksAndEachCarrier(FakeJuheServer juhe) {
		SubmittedFinancialTemplate submitted = this.sms.submitTemplate("天聚地合", "您的验证码是#code#");

		assertThat(submitted.sendContent()).isEqualTo("【天聚地合】您的验证码是#code#");
		assertThat(submitted.templates().templateIds()).containsOnlyKeys(Carrier.values());
		assertThat(submitted.templates().forCarrier(Carrier.ALL)).isEqualTo(submitted.templateId());
		assertThat(this.sms.myTemplates()).extracting(FinancialTemplate::carrier, FinancialTemplate::templateId)
			.containsExactly(carrierTemplate(submitted, Carrier.ALL), carrierTemplate(submitted, Carrier.CHINA_MOBILE),
					carrierTemplate(submitted, Carrier.CHINA_UNICOM),
					carrierTemplate(submitted, Carrier.CHINA_TELECOM));
		assertThat(juhe.templates()).allSatisfy((template) -> assertThat(template.isUsable()).isTrue());
	}

	@Test
	void sendBillsEveryNumberAndRecordsOneMessageEach(FakeJuheServer juhe) {
		long templateId = this.sms.submitTemplate("天聚地合", "您的验证码是#code#").templateId();

		FinancialSmsResult result = this.sms
			.send(new FinancialSmsRequest(List.of(MOBILE, UNICOM), templateId, Map.of("code", "123456")));

		assertThat(result.fee()).isEqualTo(2);
		assertThat(juhe.outbox()).extracting(SentMessage::mobile, SentMessage::sid, SentMessage::carrier)
			.containsExactly(tuple(MOBILE, result.sid(), Carrier.CHINA_MOBILE),
					tuple(UNICOM, result.sid(), Carrier.CHINA_UNICOM));
		assertThat(juhe.outbox()).allSatisfy((message) -> assertThat(message.text()).isEqualTo("【天聚地合】您的验证码是123456"));
		assertThat(juhe.lastCodeSentTo(UNICOM)).hasValue("123456");
	}

	@Test
	void longTextIsBilledPerMessageAndNumber(FakeJuheServer juhe) {
		long templateId = juhe.submitTemplate(JuheProduct.FINANCIAL, "天聚地合", "#text#").id();

		// 【天聚地合】 is 6 characters: 65 more make 71, two messages.
		FinancialSmsResult result = this.sms
			.send(new FinancialSmsRequest(List.of(MOBILE, MOBILE_2), templateId, Map.of("text", "中".repeat(65))));

		assertThat(result.fee()).isEqualTo(4);
		assertThat(juhe.outbox()).extracting(SentMessage::billedMessages).containsExactly(2, 2);
	}

	@Test
	void unapprovedDeletedAndUnknownTemplatesAreTemplateErrors(FakeJuheServer juhe) {
		juhe.approveTemplatesImmediately(false);
		long inReview = this.sms.submitTemplate("天聚地合", "Hello").templateId();
		assertThat(this.sms.myTemplates()).extracting(FinancialTemplate::state)
			.containsOnly(TemplateReviewState.IN_REVIEW);
		assertThat(Thrown.errorCode(() -> this.sms.send(FinancialSmsRequest.of(List.of(MOBILE), inReview))))
			.isEqualTo(228801);
		juhe.approve(inReview);
		this.sms.send(FinancialSmsRequest.of(List.of(MOBILE), inReview));
		juhe.deleteTemplate(inReview);

		assertThat(Thrown.by(() -> this.sms.send(FinancialSmsRequest.of(List.of(MOBILE), inReview))))
			.returns(228801, (ex) -> ex.getErrorCode())
			.returns("模板相关错误:模板已删除", (ex) -> ex.getReason());
		assertThat(Thrown.errorCode(() -> this.sms.send(FinancialSmsRequest.of(List.of(MOBILE), 99))))
			.isEqualTo(228801);
		assertThat(juhe.outbox()).hasSize(1);
	}

	@Test
	void mobileGroupGroupsByTheCarriersPrefixes() {
		MobileGroups groups = this.sms.groupByCarrier(List.of(MOBILE, UNICOM, TELECOM, VIRTUAL_OPERATOR, MOBILE_2));

		assertThat(groups.chinaMobile()).containsExactly(MOBILE, MOBILE_2);
		assertThat(groups.chinaUnicom()).containsExactly(UNICOM);
		assertThat(groups.chinaTelecom()).containsExactly(TELECOM);
		assertThat(groups.unknown()).containsExactly(VIRTUAL_OPERATOR);
	}

	@Test
	void mobileGroupAnswersEveryCarrierAndANullUnknownGroup(FakeJuheServer juhe) {
		assertThat(new JuheHttp(juhe).post(JuheEndpoint.FINANCIAL_MOBILE_GROUP, "mobiles", MOBILE).toString())
			.isEqualTo("{\"reason\":\"success\",\"result\":{\"a\":[\"13800138000\"],\"b\":[],\"c\":[],"
					+ "\"unknown\":null},\"error_code\":0}");
	}

	@Test
	void carrierAwareSendUsesEachCarriersTemplateEndToEnd(FakeJuheServer juhe) {
		SubmittedFinancialTemplate submitted = this.sms.submitTemplate("天聚地合", "您的验证码是#code#");
		List<String> mobiles = List.of(MOBILE, UNICOM, TELECOM, VIRTUAL_OPERATOR, MOBILE_2, MOBILE);

		CarrierSendReport report = this.sms.sendByCarrier(submitted.templates(), mobiles, Map.of("code", "8888"));

		assertThat(report.sends()).extracting(CarrierGroupSend::carrier, CarrierGroupSend::mobiles)
			.containsExactly(tuple(Carrier.CHINA_MOBILE, List.of(MOBILE, MOBILE_2)),
					tuple(Carrier.CHINA_UNICOM, List.of(UNICOM)), tuple(Carrier.CHINA_TELECOM, List.of(TELECOM)));
		assertThat(report.sends()).allSatisfy((send) -> assertThat(send.isSent()).isTrue());
		assertThat(report.unknownCarrier()).containsExactly(VIRTUAL_OPERATOR);
		assertThat(report.duplicatesRemoved()).isEqualTo(1);
		assertThat(juhe.outbox()).extracting(SentMessage::mobile)
			.containsExactlyInAnyOrder(MOBILE, MOBILE_2, UNICOM, TELECOM);
		assertThat(juhe.outbox()).allSatisfy((message) -> {
			assertThat(juhe.template(message.templateId()).carrier()).isEqualTo(message.carrier());
			assertThat(message.code()).isEqualTo("8888");
		});
		assertThat(juhe.messagesTo(VIRTUAL_OPERATOR)).isEmpty();
		assertThat(juhe.requestCount(JuheEndpoint.FINANCIAL_MOBILE_GROUP)).isEqualTo(1);
		assertThat(juhe.requestCount(JuheEndpoint.FINANCIAL_SEND)).isEqualTo(3);
	}

	@Test
	void carrierAwareSendFallsBackToTheAllNetworksTemplate(FakeJuheServer juhe) {
		long allNetworks = juhe.submitTemplate(JuheProduct.FINANCIAL, "天聚地合", "Hello").id();

		this.sms.sendByCarrier(CarrierTemplates.allNetworks(allNetworks), List.of(MOBILE, UNICOM), Map.of());

		assertThat(juhe.outbox()).extracting(SentMessage::templateId).containsOnly(allNetworks);
	}

	@Test
	void wrongMobileIsAParameterError(FakeJuheServer juhe) {
		long templateId = juhe.submitTemplate(JuheProduct.FINANCIAL, "天聚地合", "Hello").id();

		assertThat(new JuheHttp(juhe)
			.post(JuheEndpoint.FINANCIAL_SEND, "mobile", MOBILE + ",12345678901", "tplId", Long.toString(templateId))
			.get("error_code")
			.asInt()).isEqualTo(228802);
		assertThat(juhe.outbox()).isEmpty();
	}

	@Test
	void wrongKeyIsRefusedOnEveryEndpoint(FakeJuheServer juhe) {
		long templateId = juhe.submitTemplate(JuheProduct.FINANCIAL, "天聚地合", "Hello").id();
		FakeJuheContexts.runner(juhe).withPropertyValues("juhe.sms.financial.key=wrong").run((context) -> {
			FinancialSmsClient sms = context.getBean(FinancialSmsClient.class);
			assertThat(Thrown.errorCode(() -> sms.submitTemplate("天聚地合", "Hello"))).isEqualTo(10001);
			assertThat(Thrown.errorCode(() -> sms.send(FinancialSmsRequest.of(List.of(MOBILE), templateId))))
				.isEqualTo(10001);
			assertThat(Thrown.errorCode(() -> sms.groupByCarrier(List.of(MOBILE)))).isEqualTo(10001);
			assertThat(Thrown.errorCode(sms::myTemplates)).isEqualTo(10001);
		});
		assertThat(juhe.outbox()).isEmpty();
		assertThat(juhe.templates()).filteredOn((template) -> template.product() == JuheProduct.FINANCIAL).hasSize(4);
	}

	private static Tuple carrierTemplate(SubmittedFinancialTemplate submitted, Carrier carrier) {
		return tuple(carrier, submitted.templates().templateIds().get(carrier));
	}

}
