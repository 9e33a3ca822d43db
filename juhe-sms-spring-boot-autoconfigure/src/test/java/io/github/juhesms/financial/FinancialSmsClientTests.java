package io.github.juhesms.financial;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.github.juhesms.core.TemplateReviewState;
import io.github.juhesms.error.JuheSmsBusyException;
import io.github.juhesms.error.JuheSmsErrorCategory;
import io.github.juhesms.error.JuheSmsException;
import io.github.juhesms.error.JuheSmsInvalidRequestException;
import io.github.juhesms.error.JuheSmsInvalidResponseException;
import io.github.juhesms.error.JuheSmsRejectedException;
import io.github.juhesms.error.JuheSmsServiceErrorException;
import io.github.juhesms.test.JuheWireMockTests;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.assertj.core.api.ThrowableAssertAlternative;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ContextConsumer;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.github.juhesms.test.JuheDocumentExamples.example;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

class FinancialSmsClientTests extends JuheWireMockTests {

	private static final String DOC = "financial.txt";

	private static final String SUBMIT = "/shortLetter/submitTpl.php";

	private static final String SEND = "/shortLetter/send.php";

	private static final String MOBILE_GROUP = "/shortLetter/mobileGroup.php";

	private static final String MY_TEMPLATES = "/shortLetter/myTemplates.php";

	private static final String MOBILE_1 = "15900000577";

	private static final String MOBILE_2 = "13700000524";

	private static final String UNICOM_1 = "13100000789";

	private static final String TELECOM_1 = "17000000567";

	private static final String TELECOM_2 = "13300000901";

	private static final String UNKNOWN_1 = "19200000001";

	@Test
	void submitTemplatePostsSignatureAndContentAndReadsEveryCarriersTemplateId() {
		answer(SUBMIT, example(DOC, 0));
		run((client) -> {
			SubmittedFinancialTemplate submitted = client.submitTemplate("天聚地合", "您的验证码是#code#");
			assertThat(submitted.sendContent()).isEqualTo("【天聚地合】您的验证码是#code#");
			assertThat(submitted.templateId()).isEqualTo(767);
			// tplBatchInfo: a = all three networks, b = Mobile, c = Unicom, d = Telecom.
			assertThat(submitted.templates().templateIds()).containsExactly(entry(Carrier.ALL, 767L),
					entry(Carrier.CHINA_MOBILE, 768L), entry(Carrier.CHINA_UNICOM, 769L),
					entry(Carrier.CHINA_TELECOM, 770L));
			assertThat(submitted.templates().forCarrier(Carrier.CHINA_UNICOM)).isEqualTo(769);
			assertThat(onlyFormSentTo(SUBMIT)).containsExactly(entry("key", KEY), entry("signature", "天聚地合"),
					entry("content", "您的验证码是#code#"));
		});
	}

	@Test
	void submittedTemplateWithoutCarrierIdsFallsBackToTheAllNetworksId() {
		answer(SUBMIT,
				"""
						{"reason":"success","result":{"sendContent":"【聚合】内容","tplId":"5","tplBatchInfo":[{"b":6}]},"error_code":0}""");
		run((client) -> {
			CarrierTemplates templates = client.submitTemplate("聚合", "内容").templates();
			assertThat(templates.templateIds()).containsExactly(entry(Carrier.ALL, 5L),
					entry(Carrier.CHINA_MOBILE, 6L));
			assertThat(templates.forCarrier(Carrier.CHINA_MOBILE)).isEqualTo(6);
			assertThat(templates.forCarrier(Carrier.CHINA_UNICOM)).isEqualTo(5);
			assertThat(templates.forCarrier(Carrier.CHINA_TELECOM)).isEqualTo(5);
		});
	}

	@Test
	void submittedTemplateWithoutBatchInfoHasOnlyTheAllNetworksId() {
		answer(SUBMIT, """
				{"reason":"success","result":{"sendContent":"【聚合】内容","tplId":5,"tplBatchInfo":null},"error_code":0}""");
		run((client) -> assertThat(client.submitTemplate("聚合", "内容").templates())
			.isEqualTo(CarrierTemplates.allNetworks(5)));
	}

	@ParameterizedTest
	@ValueSource(strings = { "e", "A", "all", "0" })
	void unknownBatchLetterIsAnInvalidResponse(String letter) {
		answer(SUBMIT,
				"{\"reason\":\"success\",\"result\":{\"sendContent\":\"x\",\"tplId\":5,\"tplBatchInfo\":[{\"a\":5},{\""
						+ letter + "\":6}]},\"error_code\":0}");
		run((client) -> assertThatExceptionOfType(JuheSmsInvalidResponseException.class)
			.isThrownBy(() -> client.submitTemplate("聚合", "内容"))
			.withMessageContaining("'result.tplBatchInfo[1]." + letter + "': unknown carrier letter '" + letter + "'"));
	}

	@Test
	void batchLetterGivenTwiceIsAnInvalidResponse() {
		answer(SUBMIT,
				"""
						{"reason":"success","result":{"sendContent":"x","tplId":5,"tplBatchInfo":[{"b":6},{"b":7}]},"error_code":0}""");
		run((client) -> assertThatExceptionOfType(JuheSmsInvalidResponseException.class)
			.isThrownBy(() -> client.submitTemplate("聚合", "内容"))
			.withMessageContaining("carrier letter 'b' given twice"));
	}

	@Test
	void sendPostsEveryDocumentedParameterAndReadsSidAndFee() {
		answer(SEND, example(DOC, 1));
		run((client) -> {
			Map<String, String> variables = new LinkedHashMap<>();
			variables.put("code", "123454");
			variables.put("name", "A&B");
			FinancialSmsResult result = client
				.send(new FinancialSmsRequest(List.of(MOBILE_1, UNICOM_1), 12, variables));
			assertThat(result.sid()).isEqualTo("201709081304169242351674");
			assertThat(result.fee()).isEqualTo(1);
			assertThat(onlyFormSentTo(SEND)).containsExactly(entry("key", KEY),
					entry("mobile", MOBILE_1 + "," + UNICOM_1), entry("tplId", "12"),
					entry("tplValue", "#code#=123454&#name#=A%26B"));
		});
	}

	@Test
	void sendWithoutVariablesLeavesTplValueOutAndReadsAFeeGivenAsText() {
		answer(SEND, "{\"reason\":\"操作成功\",\"result\":{\"sid\":123,\"fee\":\"2\"},\"error_code\":0}");
		run((client) -> {
			assertThat(client.send(FinancialSmsRequest.of(List.of(MOBILE_1, UNICOM_1), 7)))
				.isEqualTo(new FinancialSmsResult("123", 2));
			assertThat(onlyFormSentTo(SEND)).containsOnlyKeys("key", "mobile", "tplId");
		});
	}

	@Test
	void groupByCarrierParsesTheDocumentsExampleRepaired() {
		answer(MOBILE_GROUP, mobileGroupExample());
		run((client) -> {
			MobileGroups groups = client.groupByCarrier(List.of(MOBILE_1, UNICOM_1));
			// mobileGroup: a = Mobile, b = Unicom, c = Telecom (not the letters of
			// tplBatchInfo).
			assertThat(groups.chinaMobile()).containsExactly("159****577", "137****524", "139****182", "158****789");
			assertThat(groups.chinaUnicom()).containsExactly("131****789");
			assertThat(groups.chinaTelecom()).containsExactly("170****567", "133****901");
			assertThat(groups.unknown()).isEmpty();
			assertThat(onlyFormSentTo(MOBILE_GROUP)).containsExactly(entry("key", KEY),
					entry("mobiles", MOBILE_1 + "," + UNICOM_1));
		});
	}

	@Test
	void groupByCarrierReadsUnknownNumbersAndMissingGroupsAsEmpty() {
		answer(MOBILE_GROUP, "{\"reason\":\"success\",\"result\":{\"b\":[\"" + UNICOM_1 + "\"],\"unknown\":[\""
				+ UNKNOWN_1 + "\"]},\"error_code\":0}");
		run((client) -> assertThat(client.groupByCarrier(List.of(UNICOM_1, UNKNOWN_1)))
			.isEqualTo(new MobileGroups(List.of(), List.of(UNICOM_1), List.of(), List.of(UNKNOWN_1))));
	}

	@ParameterizedTest
	@ValueSource(strings = { "d", "A", "unknownCarrier" })
	void unknownGroupLetterIsAnInvalidResponse(String letter) {
		answer(MOBILE_GROUP, "{\"reason\":\"success\",\"result\":{\"a\":[],\"" + letter + "\":[\"" + MOBILE_1
				+ "\"]},\"error_code\":0}");
		run((client) -> assertThatExceptionOfType(JuheSmsInvalidResponseException.class)
			.isThrownBy(() -> client.groupByCarrier(List.of(MOBILE_1)))
			.withMessageContaining("'result." + letter + "': unknown carrier group '" + letter + "'")
			.withMessageNotContaining(MOBILE_1));
	}

	@Test
	void myTemplatesParseTheDocumentsExampleRepaired() {
		answer(MY_TEMPLATES, myTemplatesExample());
		run((client) -> {
			assertThat(client.myTemplates()).containsExactly(
					new FinancialTemplate(14, "您的验证码是123456", "斯蒂尔", TemplateReviewState.APPROVED, Carrier.ALL));
			assertThat(onlyFormSentTo(MY_TEMPLATES)).containsExactly(entry("key", KEY));
		});
	}

	@Test
	void myTemplatesMapEveryCarrierAndReviewState() {
		answer(MY_TEMPLATES, """
				{"reason":"success","result":{"templates":[
				{"tplId":1,"tpl":"a","tpl_signature":"s","tpl_state":0,"operation":0},
				{"tplId":2,"tpl":"a","tpl_signature":"s","tpl_state":"1","operation":1},
				{"tplId":3,"tpl":"a","tpl_signature":"s","tpl_state":2,"operation":"2"},
				{"tplId":4,"tpl":"a","tpl_signature":"s","tpl_state":3,"operation":3}]},"error_code":0}""");
		run((client) -> {
			List<FinancialTemplate> templates = client.myTemplates();
			assertThat(templates).extracting(FinancialTemplate::carrier)
				.containsExactly(Carrier.ALL, Carrier.CHINA_MOBILE, Carrier.CHINA_UNICOM, Carrier.CHINA_TELECOM);
			assertThat(templates).extracting(FinancialTemplate::state)
				.containsExactly(TemplateReviewState.NOT_REVIEWED, TemplateReviewState.REJECTED,
						TemplateReviewState.IN_REVIEW, TemplateReviewState.APPROVED);
			assertThat(templates).extracting(FinancialTemplate::isApproved).containsExactly(false, false, false, true);
		});
	}

	@ParameterizedTest
	@ValueSource(ints = { 4, -1, 9 })
	void unknownOperationIsAnInvalidResponse(int operation) {
		answer(MY_TEMPLATES, "{\"reason\":\"success\",\"result\":{\"templates\":[{\"tplId\":1,\"tpl\":\"a\","
				+ "\"tpl_signature\":\"s\",\"tpl_state\":3,\"operation\":" + operation + "}]},\"error_code\":0}");
		run((client) -> assertThatExceptionOfType(JuheSmsInvalidResponseException.class).isThrownBy(client::myTemplates)
			.withMessageContaining("'result.templates[0].operation': unknown carrier " + operation));
	}

	@Test
	void theDocumentsMobileGroupAndMyTemplatesExamplesAreNotValidJsonAsPrinted() {
		// The mobileGroup example lacks its opening '{': the extractor finds only the
		// inner result object.
		assertThat(example(DOC, 2)).startsWith("{\n  \"a\": [").doesNotContain("error_code");
		// The myTemplates example is cut in two by ``` fences and has a trailing comma.
		assertThat(example(DOC, 3)).contains("```").contains("],\n},");
	}

	@Test
	void sendByCarrierSendsEachCarriersNumbersWithItsTemplateAndReportsUnknownAndRepeats() {
		answer(MOBILE_GROUP, groupsAnswer(List.of(MOBILE_1, MOBILE_2), List.of(UNICOM_1), List.of(TELECOM_1, TELECOM_2),
				List.of(UNKNOWN_1)));
		answerSendContaining(MOBILE_1,
				"{\"reason\":\"操作成功\",\"result\":{\"sid\":\"sid-mobile\",\"fee\":2},\"error_code\":0}");
		answerSendContaining(UNICOM_1,
				"{\"reason\":\"操作成功\",\"result\":{\"sid\":\"sid-unicom\",\"fee\":1},\"error_code\":0}");
		answerSendContaining(TELECOM_1,
				"{\"reason\":\"操作成功\",\"result\":{\"sid\":\"sid-telecom\",\"fee\":2},\"error_code\":0}");
		// Unicom has no template of its own: its numbers go with the all-networks
		// template.
		CarrierTemplates templates = CarrierTemplates.allNetworks(100)
			.with(Carrier.CHINA_MOBILE, 101)
			.with(Carrier.CHINA_TELECOM, 103);
		run((client) -> {
			CarrierSendReport report = client.sendByCarrier(templates,
					List.of(MOBILE_1, UNICOM_1, TELECOM_1, MOBILE_1, UNKNOWN_1, MOBILE_2, TELECOM_2, UNICOM_1),
					Map.of("code", "1234"));
			assertThat(report.duplicatesRemoved()).isEqualTo(2);
			assertThat(report.unknownCarrier()).containsExactly(UNKNOWN_1);
			assertThat(report.sends())
				.extracting(CarrierGroupSend::carrier, CarrierGroupSend::templateId, CarrierGroupSend::mobiles,
						(send) -> send.result().sid())
				.containsExactly(tuple(Carrier.CHINA_MOBILE, 101L, List.of(MOBILE_1, MOBILE_2), "sid-mobile"),
						tuple(Carrier.CHINA_UNICOM, 100L, List.of(UNICOM_1), "sid-unicom"),
						tuple(Carrier.CHINA_TELECOM, 103L, List.of(TELECOM_1, TELECOM_2), "sid-telecom"));
			assertThat(report.failed()).isEmpty();
			assertThat(report.isAllSent()).isFalse();
			assertThat(onlyFormSentTo(MOBILE_GROUP)).containsExactly(entry("key", KEY),
					entry("mobiles", String.join(",", MOBILE_1, UNICOM_1, TELECOM_1, UNKNOWN_1, MOBILE_2, TELECOM_2)));
			assertThat(requestsTo(SEND)).extracting(FinancialSmsClientTests::form)
				.containsExactlyInAnyOrder(
						Map.of("key", KEY, "mobile", MOBILE_1 + "," + MOBILE_2, "tplId", "101", "tplValue",
								"#code#=1234"),
						Map.of("key", KEY, "mobile", UNICOM_1, "tplId", "100", "tplValue", "#code#=1234"), Map.of("key",
								KEY, "mobile", TELECOM_1 + "," + TELECOM_2, "tplId", "103", "tplValue", "#code#=1234"));
		});
	}

	@Test
	void sendByCarrierReportsAFailedGroupWithoutHidingTheOthers() {
		answer(MOBILE_GROUP, groupsAnswer(List.of(MOBILE_1), List.of(UNICOM_1), List.of(TELECOM_1), null));
		answer(SEND, example(DOC, 1));
		answerSendContaining(UNICOM_1, "{\"reason\":\"参数错误\",\"result\":null,\"error_code\":228802}");
		run((client) -> {
			CarrierSendReport report = client.sendByCarrier(CarrierTemplates.allNetworks(100),
					List.of(MOBILE_1, UNICOM_1, TELECOM_1), Map.of());
			assertThat(report.sends()).hasSize(3);
			assertThat(report.sends()).filteredOn(CarrierGroupSend::isSent)
				.extracting(CarrierGroupSend::carrier)
				.containsExactly(Carrier.CHINA_MOBILE, Carrier.CHINA_TELECOM);
			assertThat(report.sends().get(0).result().sid()).isEqualTo("201709081304169242351674");
			assertThat(report.failed()).singleElement().satisfies((failed) -> {
				assertThat(failed.carrier()).isEqualTo(Carrier.CHINA_UNICOM);
				assertThat(failed.mobiles()).containsExactly(UNICOM_1);
				assertThat(failed.result()).isNull();
				assertThat(failed.failure()).isInstanceOf(JuheSmsRejectedException.class);
				assertThat(failed.failure().getErrorCode()).isEqualTo(228802);
				assertThat(failed.isOutcomeUnknown()).isFalse();
			});
			assertThat(report.unknownCarrier()).isEmpty();
			assertThat(report.isAllSent()).isFalse();
			assertThat(requestsTo(SEND)).hasSize(3);
		});
	}

	@Test
	void sendByCarrierShowsAGroupWhoseOutcomeIsUnknown() {
		answer(MOBILE_GROUP, groupsAnswer(List.of(MOBILE_1), List.of(), List.of(TELECOM_1), List.of()));
		answer(SEND, example(DOC, 1));
		wireMock.stubFor(post(urlPathEqualTo(SEND)).withRequestBody(containing(TELECOM_1))
			.atPriority(1)
			.willReturn(aResponse().withStatus(503).withBody("busy")));
		run((client) -> {
			CarrierSendReport report = client.sendByCarrier(CarrierTemplates.allNetworks(100),
					List.of(MOBILE_1, TELECOM_1), Map.of());
			assertThat(report.sends())
				.extracting(CarrierGroupSend::carrier, CarrierGroupSend::isSent, CarrierGroupSend::isOutcomeUnknown)
				.containsExactly(tuple(Carrier.CHINA_MOBILE, true, false), tuple(Carrier.CHINA_TELECOM, false, true));
			// Never resent: the message may have gone out.
			assertThat(requestsTo(SEND)).hasSize(2);
		});
	}

	@Test
	void sendByCarrierWithEveryNumberOfOneCarrierSendsOnlyThatGroup() {
		answer(MOBILE_GROUP, groupsAnswer(List.of(), List.of(), List.of(TELECOM_1), null));
		answer(SEND, example(DOC, 1));
		run((client) -> {
			CarrierSendReport report = client.sendByCarrier(CarrierTemplates.allNetworks(100), List.of(TELECOM_1),
					Map.of());
			assertThat(report.sends()).singleElement()
				.satisfies((send) -> assertThat(send.carrier()).isEqualTo(Carrier.CHINA_TELECOM));
			assertThat(report.isAllSent()).isTrue();
			assertThat(onlyFormSentTo(SEND)).contains(entry("mobile", TELECOM_1), entry("tplId", "100"));
		});
	}

	@Test
	void sendByCarrierChunksGroupingAndSendingBy10000Numbers() {
		List<String> mobiles = generatedMobiles(10_001);
		String last = mobiles.get(10_000);
		// Grouping answers with exactly the numbers of each chunk: the last number
		// travels alone.
		answer(MOBILE_GROUP, groupsAnswer(mobiles.subList(0, 10_000), List.of(), List.of(), List.of()));
		wireMock.stubFor(post(urlPathEqualTo(MOBILE_GROUP)).withRequestBody(containing(last))
			.atPriority(1)
			.willReturn(json(groupsAnswer(List.of(last), List.of(), List.of(), List.of()))));
		answer(SEND, example(DOC, 1));
		run((client) -> {
			CarrierSendReport report = client.sendByCarrier(CarrierTemplates.allNetworks(100), mobiles, Map.of());
			assertThat(requestsTo(MOBILE_GROUP)).extracting((request) -> numbersIn(request, "mobiles"))
				.containsExactlyInAnyOrder(mobiles.subList(0, 10_000), List.of(last));
			assertThat(requestsTo(SEND)).extracting((request) -> numbersIn(request, "mobile"))
				.containsExactlyInAnyOrder(mobiles.subList(0, 10_000), List.of(last));
			assertThat(report.sends()).extracting((send) -> send.mobiles().size()).containsExactly(10_000, 1);
			assertThat(report.isAllSent()).isTrue();
		});
	}

	@Test
	void sendByCarrierReportsNumbersJuheLeftOutOfEveryGroupAsNotSent() {
		answer(MOBILE_GROUP, groupsAnswer(List.of(MOBILE_1), List.of(), List.of(), null));
		answer(SEND, example(DOC, 1));
		run((client) -> {
			CarrierSendReport report = client.sendByCarrier(CarrierTemplates.allNetworks(100),
					List.of(MOBILE_1, UNICOM_1), Map.of());
			assertThat(report.unknownCarrier()).containsExactly(UNICOM_1);
			assertThat(onlyFormSentTo(SEND)).contains(entry("mobile", MOBILE_1));
		});
	}

	@Test
	void sendByCarrierSendsNothingWhenGroupingReturnsANumberNotAskedFor() {
		answer(MOBILE_GROUP, groupsAnswer(List.of(MOBILE_1, MOBILE_2), List.of(), List.of(), null));
		run((client) -> assertThatExceptionOfType(JuheSmsInvalidResponseException.class)
			.isThrownBy(() -> client.sendByCarrier(CarrierTemplates.allNetworks(100), List.of(MOBILE_1), Map.of()))
			.withMessageContaining("grouped a number that was not asked for (137****0524)")
			.withMessageNotContaining(MOBILE_2));
		assertThat(requestsTo(SEND)).isEmpty();
	}

	@Test
	void sendByCarrierSendsNothingWhenGroupingPlacesANumberTwice() {
		answer(MOBILE_GROUP, groupsAnswer(List.of(MOBILE_1), List.of(MOBILE_1), List.of(), null));
		run((client) -> assertThatExceptionOfType(JuheSmsInvalidResponseException.class)
			.isThrownBy(() -> client.sendByCarrier(CarrierTemplates.allNetworks(100), List.of(MOBILE_1), Map.of()))
			.withMessageContaining("placed a number in two groups"));
		assertThat(requestsTo(SEND)).isEmpty();
	}

	@Test
	void sendByCarrierSendsNothingWhenGroupingFails() {
		answer(MOBILE_GROUP, "{\"reason\":\"错误的请求KEY\",\"result\":null,\"error_code\":10001}");
		run((client) -> assertThatExceptionOfType(JuheSmsException.class)
			.isThrownBy(() -> client.sendByCarrier(CarrierTemplates.allNetworks(100), List.of(MOBILE_1), Map.of()))
			.satisfies((ex) -> assertThat(ex.getOperation()).isEqualTo("mobileGroup")));
		assertThat(requestsTo(SEND)).isEmpty();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "''|must not be blank", "'   '|must not be blank", "1380013800a|11 ASCII digits",
					"１３８００１３８０００|11 ASCII digits", "138 0013 8000|11 ASCII digits", "1380013800|11 ASCII digits",
					"138001380000|11 ASCII digits", "12800138000|11 ASCII digits", "+8613800138000|11 ASCII digits",
					"13800138000,13900139000|11 ASCII digits" })
	void invalidNumbersAreRefusedBeforeAnyCallNamingTheirPosition(String mobile, String rule) {
		List<String> mobiles = List.of(MOBILE_1, mobile);
		run((client) -> {
			assertInvalid(() -> client.send(FinancialSmsRequest.of(mobiles, 12)), "mobile", "number at index 1 ", rule)
				.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain("13800138000").doesNotContain(MOBILE_1));
			assertInvalid(() -> client.groupByCarrier(mobiles), "mobiles", "number at index 1 ", rule);
			assertInvalid(() -> client.sendByCarrier(CarrierTemplates.allNetworks(1), mobiles, Map.of()), "mobile",
					"number at index 1 ", rule);
		});
		assertThat(wireMock.getAllServeEvents()).isEmpty();
	}

	@Test
	void missingNumbersAreRefusedBeforeAnyCall() {
		run((client) -> {
			assertInvalid(() -> client.send(FinancialSmsRequest.of(Arrays.asList(MOBILE_1, null), 12)), "mobile",
					"number at index 1 is required");
			assertInvalid(() -> client.send(FinancialSmsRequest.of(null, 12)), "mobile", "is required");
			assertInvalid(() -> client.send(FinancialSmsRequest.of(List.of(), 12)), "mobile", "at least one number");
			assertInvalid(() -> client.groupByCarrier(List.of()), "mobiles", "at least one number");
			assertInvalid(() -> client.sendByCarrier(CarrierTemplates.allNetworks(1), List.of(), Map.of()), "mobile",
					"at least one number");
		});
		assertThat(wireMock.getAllServeEvents()).isEmpty();
	}

	@Test
	void moreThan10000NumbersInOneCallAreRefusedBeforeAnyCall() {
		List<String> mobiles = generatedMobiles(10_001);
		run((client) -> {
			assertInvalid(() -> client.send(FinancialSmsRequest.of(mobiles, 12)), "mobile",
					"at most 10000 numbers per call (had 10001)");
			assertInvalid(() -> client.groupByCarrier(mobiles), "mobiles",
					"at most 10000 numbers per call (had 10001)");
		});
		assertThat(wireMock.getAllServeEvents()).isEmpty();
	}

	@Test
	void repeatedNumbersInASendAreRefusedNamingTheirPositions() {
		run((client) -> assertInvalid(
				() -> client
					.send(FinancialSmsRequest.of(List.of(MOBILE_1, UNICOM_1, MOBILE_1, TELECOM_1, UNICOM_1), 12)),
				"mobile", "billed and received twice: index 2 repeats index 0 (2 repeated in all")
			.satisfies((ex) -> assertThat(ex.getMessage()).doesNotContain(MOBILE_1).doesNotContain(UNICOM_1)));
		assertThat(wireMock.getAllServeEvents()).isEmpty();
	}

	@Test
	void otherBadInputIsRefusedBeforeAnyCall() {
		List<String> mobiles = List.of(MOBILE_1);
		Map<String, String> badVariables = new LinkedHashMap<>();
		badVariables.put("#code#", "1");
		run((client) -> {
			assertInvalid(() -> client.send(FinancialSmsRequest.of(mobiles, 0)), "tplId", "positive template id");
			assertInvalid(() -> client.send(new FinancialSmsRequest(mobiles, 1, badVariables)), "tplValue",
					"without the surrounding '#'");
			assertInvalid(() -> client.sendByCarrier(CarrierTemplates.allNetworks(1), mobiles, badVariables),
					"tplValue", "without the surrounding '#'");
			assertInvalid(() -> client.submitTemplate("聚合", "字".repeat(497)), "content", "at most 500 characters")
				.satisfies((ex) -> assertThat(ex.getRule()).contains("501"));
			assertInvalid(() -> client.submitTemplate(" ", "内容"), "signature", "must not be blank");
			assertInvalid(() -> client.submitTemplate(null, "内容"), "signature", "is required");
			assertInvalid(() -> client.submitTemplate("聚合", null), "content", "is required");
		});
		assertThat(wireMock.getAllServeEvents()).isEmpty();
	}

	@Test
	void carrierTemplatesThatLeaveACarrierWithoutTemplateAreRefusedBeforeAnyCall() {
		List<String> mobiles = List.of(MOBILE_1);
		CarrierTemplates noUnicom = new CarrierTemplates(Map.of(Carrier.CHINA_MOBILE, 1L, Carrier.CHINA_TELECOM, 3L));
		run((client) -> {
			assertInvalid(() -> client.sendByCarrier(noUnicom, mobiles, Map.of()), "tplId",
					"no template for CHINA_UNICOM and no all-networks (ALL) template");
			assertInvalid(() -> client.sendByCarrier(CarrierTemplates.allNetworks(1).with(Carrier.CHINA_MOBILE, 0),
					mobiles, Map.of()), "tplId", "template of CHINA_MOBILE must be a positive id (was 0)");
			assertInvalid(() -> client.sendByCarrier(null, mobiles, Map.of()), "tplId", "is required");
		});
		assertThat(wireMock.getAllServeEvents()).isEmpty();
	}

	@Test
	void contentOfExactly500CharactersWithTheSignatureIsAccepted() {
		answer(SUBMIT, example(DOC, 0));
		run((client) -> assertThat(client.submitTemplate("聚合", "😀".repeat(248)).templateId()).isEqualTo(767));
	}

	@Test
	void busyCodeIsRetriedUntilJuheAccepts() {
		answerInTurn(SEND, "{\"reason\":\"系统繁忙,请稍后重试\",\"result\":null,\"error_code\":228807}", example(DOC, 1));
		run((client) -> {
			assertThat(client.send(FinancialSmsRequest.of(List.of(MOBILE_1), 12)).sid())
				.isEqualTo("201709081304169242351674");
			assertThat(requestsTo(SEND)).hasSize(2);
		});
	}

	@Test
	void busyCodeOnEveryAttemptIsABusyException() {
		answer(SEND, "{\"reason\":\"系统繁忙,请稍后重试\",\"result\":null,\"error_code\":228807}");
		run((client) -> assertThatExceptionOfType(JuheSmsBusyException.class)
			.isThrownBy(() -> client.send(FinancialSmsRequest.of(List.of(MOBILE_1), 12)))
			.satisfies((ex) -> {
				assertThat(ex.getErrorCode()).isEqualTo(228807);
				assertThat(ex.getAttempts()).isEqualTo(3);
			}));
	}

	@Test
	void networkErrorIsNotRetriedBecauseTheMessageMayHaveGoneOut() {
		answer(SEND, "{\"reason\":\"网络异常，发送失败\",\"result\":null,\"error_code\":222800}");
		run((client) -> assertThatExceptionOfType(JuheSmsServiceErrorException.class)
			.isThrownBy(() -> client.send(FinancialSmsRequest.of(List.of(MOBILE_1), 12)))
			.satisfies((ex) -> {
				assertThat(ex.getErrorCode()).isEqualTo(222800);
				assertThat(ex.getAttempts()).isEqualTo(1);
				assertThat(ex.isRetryable()).isFalse();
				// A network fault between Juhe and the carrier may have lost the
				// carrier's acceptance.
				assertThat(ex.isOutcomeUnknown()).isTrue();
			}));
		assertThat(requestsTo(SEND)).hasSize(1);
	}

	@Test
	void rejectedCodeCarriesTheCode() {
		answer(SEND, "{\"reason\":\"模板相关错误\",\"result\":null,\"error_code\":228801}");
		run((client) -> assertThatExceptionOfType(JuheSmsRejectedException.class)
			.isThrownBy(() -> client.send(FinancialSmsRequest.of(List.of(MOBILE_1), 12)))
			.satisfies((ex) -> {
				assertThat(ex.getErrorCode()).isEqualTo(228801);
				assertThat(ex.getDocumented().documentText()).isEqualTo("模板相关错误");
				assertThat(ex.getMessage()).doesNotContain(KEY).doesNotContain(MOBILE_1);
			}));
		assertThat(requestsTo(SEND)).hasSize(1);
	}

	@ParameterizedTest
	@CsvSource({ "222800, SERVICE_ERROR", "228801, REJECTED", "228802, REJECTED", "228803, SERVICE_UNAVAILABLE",
			"228804, REJECTED", "228805, QUOTA", "228806, SERVICE_ERROR", "228807, BUSY", "10001, CREDENTIALS",
			"10012, QUOTA" })
	void errorCodesBecomeTheirCategory(int code, JuheSmsErrorCategory category) {
		answer(SEND, "{\"reason\":\"错误\",\"result\":null,\"error_code\":" + code + "}");
		run((client) -> assertThatExceptionOfType(JuheSmsException.class)
			.isThrownBy(() -> client.send(FinancialSmsRequest.of(List.of(MOBILE_1), 12)))
			.satisfies((ex) -> {
				assertThat(ex.getCategory()).isEqualTo(category);
				assertThat(ex.getErrorCode()).isEqualTo(code);
				assertThat(ex.getProduct().id()).isEqualTo("financial");
				assertThat(ex.getOperation()).isEqualTo("send");
			}));
	}

	@Test
	void toStringsMaskNumbersAndHideVariableValues() {
		FinancialSmsRequest request = new FinancialSmsRequest(List.of(MOBILE_1), 1, Map.of("code", "987654"));
		assertThat(request.toString()).contains("159****0577").doesNotContain(MOBILE_1).doesNotContain("987654");
		MobileGroups groups = new MobileGroups(List.of(MOBILE_1), List.of(UNICOM_1), List.of(TELECOM_1),
				List.of(UNKNOWN_1));
		assertThat(groups.toString()).doesNotContain(MOBILE_1, UNICOM_1, TELECOM_1, UNKNOWN_1).contains("192****0001");
		CarrierGroupSend send = new CarrierGroupSend(Carrier.CHINA_MOBILE, 1, List.of(MOBILE_1),
				new FinancialSmsResult("s", 1), null);
		CarrierSendReport report = new CarrierSendReport(List.of(send), List.of(UNKNOWN_1), 0);
		assertThat(report.toString()).doesNotContain(MOBILE_1).doesNotContain(UNKNOWN_1).contains("159****0577");
	}

	private void run(ThrowingClientConsumer test) {
		contextRunner().run((ContextConsumer<AssertableApplicationContext>) (context) -> test
			.accept(context.getBean(FinancialSmsClient.class)));
	}

	private static ThrowableAssertAlternative<JuheSmsInvalidRequestException> assertInvalid(ThrowingCallable call,
			String field, String... rule) {
		return assertThatExceptionOfType(JuheSmsInvalidRequestException.class).isThrownBy(call).satisfies((ex) -> {
			assertThat(ex.getField()).isEqualTo(field);
			assertThat(ex.getRule()).contains(rule);
			assertThat(ex.getAttempts()).isZero();
		});
	}

	private static void answerSendContaining(String mobile, String json) {
		wireMock.stubFor(
				post(urlPathEqualTo(SEND)).withRequestBody(containing(mobile)).atPriority(1).willReturn(json(json)));
	}

	private static String groupsAnswer(List<String> mobile, List<String> unicom, List<String> telecom,
			List<String> unknown) {
		return "{\"reason\":\"success\",\"result\":{\"a\":" + jsonArray(mobile) + ",\"b\":" + jsonArray(unicom)
				+ ",\"c\":" + jsonArray(telecom) + ",\"unknown\":" + ((unknown != null) ? jsonArray(unknown) : "null")
				+ "},\"error_code\":0}";
	}

	private static String jsonArray(List<String> values) {
		return values.stream().map((value) -> "\"" + value + "\"").collect(Collectors.joining(",", "[", "]"));
	}

	private static List<String> generatedMobiles(int count) {
		return LongStream.range(0, count).mapToObj((i) -> Long.toString(13_800_000_000L + i)).toList();
	}

	private static List<String> numbersIn(LoggedRequest request, String parameter) {
		return List.of(form(request).get(parameter).split(","));
	}

	// The document's mobileGroup example lacks its opening '{' (example(...) finds only
	// the inner result object): minimally repaired here by adding that brace to the text
	// the document prints.
	private static String mobileGroupExample() {
		String printed = printedExample(2);
		assertThat(printed).startsWith("\"reason\": \"success\",");
		return "{" + printed;
	}

	// The document's myTemplates example is cut in two by ``` fences and has a trailing
	// comma ("],\n},"): minimally repaired here by dropping the fences and that comma.
	private static String myTemplatesExample() {
		String printed = printedExample(3);
		assertThat(printed).contains("],\n},");
		return printed.replace("],\n},", "]\n},");
	}

	// The text the document prints after its n-th "JSON返回示例" heading up to the next
	// numbered heading, without the ``` fence lines.
	private static String printedExample(int index) {
		String text = document();
		int at = -1;
		for (int i = 0; i <= index; i++) {
			at = text.indexOf("JSON返回示例", at + 1);
		}
		String section = text.substring(text.indexOf('\n', at) + 1);
		Matcher heading = Pattern.compile("\n\\d、").matcher(section);
		if (heading.find()) {
			section = section.substring(0, heading.start());
		}
		return section.lines().filter((line) -> !line.strip().equals("```")).collect(Collectors.joining("\n")).strip();
	}

	private static String document() {
		try {
			return Files.readString(Path.of("../docs/juhe", DOC), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@FunctionalInterface
	interface ThrowingClientConsumer {

		void accept(FinancialSmsClient client) throws Throwable;

	}

}
