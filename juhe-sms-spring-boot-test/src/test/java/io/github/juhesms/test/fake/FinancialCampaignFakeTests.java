package io.github.juhesms.test.fake;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.juhesms.financial.CarrierGroupSend;
import io.github.juhesms.financial.CarrierTemplates;
import io.github.juhesms.financial.FinancialCampaignChunkEvent;
import io.github.juhesms.financial.FinancialCampaignReport;
import io.github.juhesms.financial.FinancialCampaignRun;
import io.github.juhesms.financial.FinancialSmsClient;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Financial SMS campaigns against the fake Juhe: numbers read once, bad and repeated ones
 * reported, grouped by carrier and sent in chunks of up to 10,000, each chunk told to the
 * listener and published as it completes; a stopped campaign sends no further chunk, and
 * a chunk whose answer was lost is reported and never sent again.
 */
@SpringBootTest
@FakeJuheServerTest
@RecordApplicationEvents
class FinancialCampaignFakeTests {

	@Autowired
	FinancialSmsClient sms;

	@Autowired
	MeterRegistry meters;

	@Test
	void aCampaignSendsEachNumberOnceInChunksOfTenThousand(FakeJuheServer juhe, ApplicationEvents events)
			throws InterruptedException {
		long templateId = this.sms.submitTemplate("天聚地合", "您的账单#amount#元").templateId();
		List<String> mobiles = numbers("138", 15_000);
		mobiles.addAll(numbers("130", 6_000));
		mobiles.addAll(numbers("189", 4_000));
		mobiles.addAll(List.of("12800000000", "", "1380000", mobiles.get(0), mobiles.get(20_000)));
		List<CarrierGroupSend> told = new CopyOnWriteArrayList<>();
		double sentBefore = sentNumbers();

		FinancialCampaignReport report = this.sms
			.campaign(CarrierTemplates.allNetworks(templateId), Map.of("amount", "5"))
			.withConcurrency(4)
			.withListener(told::add)
			.start(mobiles)
			.await();

		assertThat(report.numbersRead()).isEqualTo(25_005);
		assertThat(report.numbersSent()).isEqualTo(25_000);
		assertThat(report.invalid()).extracting((invalid) -> invalid.mobile())
			.containsExactly("12800000000", "", "1380000", mobiles.get(0), mobiles.get(20_000));
		assertThat(report.invalid().get(3).reason()).isEqualTo("given again: the number is sent once");
		assertThat(report.repeatsRemoved()).isEqualTo(2);
		assertThat(report.failedChunks()).isEmpty();
		assertThat(report.stopped()).isFalse();
		// China Mobile's 15,000 make a full chunk and one of 5,000; Unicom's and
		// Telecom's one each.
		assertThat(told).extracting((send) -> send.mobiles().size())
			.containsExactlyInAnyOrder(10_000, 5_000, 6_000, 4_000);
		assertThat(report.chunksSent()).isEqualTo(4);
		assertThat(juhe.requestCount(JuheEndpoint.FINANCIAL_SEND)).isEqualTo(4);
		assertThat(juhe.outbox()).hasSize(25_000);
		assertThat(events.stream(FinancialCampaignChunkEvent.class)).hasSize(4)
			.allSatisfy((event) -> assertThat(event.outcome()).isEqualTo(FinancialCampaignChunkEvent.Outcome.SENT));
		assertThat(sentNumbers() - sentBefore).isEqualTo(25_000);
	}

	// The context, and so its registry, is shared by this class's tests.
	private double sentNumbers() {
		Counter sent = this.meters.find(FinancialCampaignRun.NUMBERS).tag("outcome", "sent").counter();
		return (sent != null) ? sent.count() : 0;
	}

	@Test
	void aStoppedCampaignSendsNoFurtherChunk(FakeJuheServer juhe) throws InterruptedException {
		long templateId = this.sms.submitTemplate("天聚地合", "通知").templateId();
		List<FinancialCampaignRun> running = new CopyOnWriteArrayList<>();
		FinancialCampaignRun run = this.sms.campaign(CarrierTemplates.allNetworks(templateId), Map.of())
			.withConcurrency(1)
			.withListener((send) -> running.get(0).stop())
			.start(lazily(numbers("138", 35_000), running));
		running.add(run);

		FinancialCampaignReport report = run.await(Duration.ofSeconds(60));

		assertThat(report).isNotNull();
		assertThat(report.stopped()).isTrue();
		assertThat(report.numbersSent()).isEqualTo(10_000);
		assertThat(juhe.requestCount(JuheEndpoint.FINANCIAL_SEND)).isOne();
		assertThat(report.notSent() + report.numbersSent()).isLessThanOrEqualTo(report.numbersRead());
	}

	@Test
	void aChunkWhoseAnswerWasLostIsReportedAndNotSentAgain(FakeJuheServer juhe) throws InterruptedException {
		long templateId = this.sms.submitTemplate("天聚地合", "通知").templateId();
		juhe.dropConnectionNext(JuheEndpoint.FINANCIAL_SEND, 1);

		FinancialCampaignReport report = this.sms.campaign(CarrierTemplates.allNetworks(templateId), Map.of())
			.withConcurrency(1)
			.start(numbers("138", 12_000))
			.await();

		assertThat(report.failedChunks()).singleElement().satisfies((failed) -> {
			assertThat(failed.failure().isOutcomeUnknown()).isTrue();
			assertThat(failed.mobiles()).hasSize(10_000);
		});
		assertThat(report.numbersSent()).isEqualTo(2_000);
		assertThat(juhe.requestCount(JuheEndpoint.FINANCIAL_SEND)).isEqualTo(2);
	}

	@Test
	void numbersThatFailToBeReadEndTheCampaignAfterTheChunksInFlight(FakeJuheServer juhe) throws InterruptedException {
		long templateId = this.sms.submitTemplate("天聚地合", "通知").templateId();
		List<String> numbers = numbers("138", 15_000);
		Iterable<String> failing = () -> new Iterator<>() {

			private int next;

			@Override
			public boolean hasNext() {
				return true;
			}

			@Override
			public String next() {
				if (this.next == numbers.size()) {
					throw new IllegalStateException("the numbers' source broke off");
				}
				return numbers.get(this.next++);
			}

		};

		FinancialCampaignReport report = this.sms.campaign(CarrierTemplates.allNetworks(templateId), Map.of())
			.start(failing)
			.await();

		assertThat(report.stopped()).isTrue();
		assertThat(report.numbersSent()).isEqualTo(10_000);
		assertThat(report.notSent()).isEqualTo(5_000);
		assertThat(report.chunksSent()).isOne();
		assertThat(juhe.requestCount(JuheEndpoint.FINANCIAL_SEND)).isOne();
	}

	@Test
	void numbersPastTheMaximumAreCountedNotSent(FakeJuheServer juhe) throws InterruptedException {
		long templateId = this.sms.submitTemplate("天聚地合", "通知").templateId();

		FinancialCampaignReport report = this.sms.campaign(CarrierTemplates.allNetworks(templateId), Map.of())
			.withMaxNumbers(100)
			.start(numbers("138", 150))
			.await();

		assertThat(report.numbersSent()).isEqualTo(100);
		assertThat(report.overMaximum()).isEqualTo(50);
		assertThat(juhe.outbox()).hasSize(100);
	}

	private static List<String> numbers(String prefix, int count) {
		List<String> numbers = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			numbers.add(prefix + String.format("%08d", i));
		}
		return numbers;
	}

	// Hands the run to the listener before the first number is read.
	private static Iterable<String> lazily(List<String> numbers, List<FinancialCampaignRun> running) {
		return () -> {
			while (running.isEmpty()) {
				Thread.onSpinWait();
			}
			return numbers.iterator();
		};
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Meters {

		@Bean
		SimpleMeterRegistry meterRegistry() {
			return new SimpleMeterRegistry();
		}

	}

}
