package io.github.juhesms.financial;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import io.github.juhesms.core.SendOptions;
import io.github.juhesms.error.JuheSmsException;
import io.github.juhesms.financial.FinancialCampaignChunkEvent.Outcome;
import io.github.juhesms.financial.FinancialCampaignReport.InvalidNumber;

/**
 * A running {@link FinancialCampaign}: one thread reads, checks and groups the numbers
 * and hands full chunks to at most {@code concurrency} sending threads, waiting while
 * they are all busy, so that no more than the chunks in flight and one carrier's partial
 * chunk each are held besides the caller's numbers. {@link #stop()} sends no further
 * chunk; those in flight complete.
 */
public final class FinancialCampaignRun {

	/** Counter of a campaign's numbers, by outcome. */
	public static final String NUMBERS = "juhe.sms.campaign.numbers";

	private static final Log logger = LogFactory.getLog(FinancialCampaignRun.class);

	private static final List<Carrier> CARRIERS = List.of(Carrier.CHINA_MOBILE, Carrier.CHINA_UNICOM,
			Carrier.CHINA_TELECOM);

	private final FinancialCampaign campaign;

	private final Iterable<String> mobiles;

	private final String id = UUID.randomUUID().toString();

	private final Semaphore slots;

	private final ExecutorService senders;

	private final Thread coordinator;

	private final CountDownLatch done = new CountDownLatch(1);

	private volatile boolean stopped;

	private final AtomicLong read = new AtomicLong();

	private final AtomicLong sent = new AtomicLong();

	private final AtomicLong limited = new AtomicLong();

	private final AtomicLong notSent = new AtomicLong();

	private final AtomicInteger chunksSent = new AtomicInteger();

	private final List<CarrierGroupSend> failed = Collections.synchronizedList(new ArrayList<>());

	private final List<InvalidNumber> invalid = new ArrayList<>();

	private final List<String> unknownCarrier = new ArrayList<>();

	private long repeats;

	private long overMaximum;

	private int chunks;

	private volatile @Nullable FinancialCampaignReport report;

	FinancialCampaignRun(FinancialCampaign campaign, Iterable<String> mobiles) {
		this.campaign = campaign;
		this.mobiles = mobiles;
		this.slots = new Semaphore(campaign.concurrency());
		AtomicInteger threads = new AtomicInteger();
		this.senders = Executors.newFixedThreadPool(campaign.concurrency(), (task) -> {
			Thread thread = new Thread(task, "juhe-campaign-send-" + threads.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
		this.coordinator = new Thread(this::run, "juhe-campaign-" + this.id.substring(0, 8));
		this.coordinator.setDaemon(true);
	}

	void start() {
		this.coordinator.start();
	}

	/**
	 * The campaign's id, as its events carry it.
	 * @return the id
	 */
	public String id() {
		return this.id;
	}

	/**
	 * Send no further chunk; the chunks in flight complete, the rest are counted in
	 * {@link FinancialCampaignReport#notSent()}.
	 */
	public void stop() {
		this.stopped = true;
	}

	/**
	 * The numbers sent so far.
	 * @return the numbers of accepted chunks, those over their limits left out
	 */
	public long numbersSent() {
		return this.sent.get();
	}

	/**
	 * Wait for the campaign to end.
	 * @return its report
	 * @throws InterruptedException if interrupted while waiting
	 */
	public FinancialCampaignReport await() throws InterruptedException {
		this.done.await();
		return finished();
	}

	/**
	 * Wait for the campaign to end, at most for a while.
	 * @param timeout how long to wait
	 * @return its report, or {@code null} if it is still running
	 * @throws InterruptedException if interrupted while waiting
	 */
	public @Nullable FinancialCampaignReport await(Duration timeout) throws InterruptedException {
		return this.done.await(timeout.toMillis(), TimeUnit.MILLISECONDS) ? finished() : null;
	}

	private FinancialCampaignReport finished() {
		FinancialCampaignReport finished = this.report;
		if (finished == null) {
			throw new IllegalStateException("Campaign " + this.id + " ended without a report");
		}
		return finished;
	}

	private void run() {
		Map<Carrier, List<String>> pending = new EnumMap<>(Carrier.class);
		List<String> slice = new ArrayList<>(FinancialSmsClient.MAX_MOBILES);
		try {
			Set<String> seen = new HashSet<>();
			for (String mobile : this.mobiles) {
				if (this.stopped) {
					break;
				}
				if (this.read.incrementAndGet() > this.campaign.maxNumbers()) {
					this.overMaximum++;
					continue;
				}
				String problem = FinancialSmsClient.problemWith(mobile);
				if (problem != null) {
					this.invalid.add(new InvalidNumber(mobile, problem));
				}
				else if (!seen.add(mobile)) {
					this.repeats++;
					this.invalid.add(new InvalidNumber(mobile, "given again: the number is sent once"));
				}
				else {
					slice.add(mobile);
					if (slice.size() == FinancialSmsClient.MAX_MOBILES) {
						group(slice, pending);
						slice.clear();
					}
				}
			}
			if (!slice.isEmpty()) {
				group(slice, pending);
				slice.clear();
			}
			for (Carrier carrier : CARRIERS) {
				List<String> rest = pending.getOrDefault(carrier, List.of());
				if (!rest.isEmpty()) {
					send(carrier, List.copyOf(rest));
					rest.clear();
				}
			}
		}
		catch (RuntimeException ex) {
			// The numbers' Iterable failed, say: what is in flight still completes, and
			// what was read but not yet sent is counted as not sent.
			logger.error("Campaign " + this.id + " ended early: " + ex.getMessage(), ex);
			this.stopped = true;
			long unsent = slice.size();
			for (List<String> rest : pending.values()) {
				unsent += rest.size();
			}
			count("not-sent", unsent);
			this.notSent.addAndGet(unsent);
		}
		finally {
			// Every slot back means every chunk completed, so the report counts them all.
			this.slots.acquireUninterruptibly(this.campaign.concurrency());
			this.senders.shutdown();
			this.report = new FinancialCampaignReport(this.id, this.read.get(), this.sent.get(), this.limited.get(),
					this.chunksSent.get(), List.copyOf(this.failed), List.copyOf(this.invalid), this.repeats,
					List.copyOf(this.unknownCarrier), this.overMaximum, this.notSent.get(), this.stopped);
			this.done.countDown();
		}
	}

	// One grouping call per slice; full chunks of a carrier go out as they fill.
	private void group(List<String> slice, Map<Carrier, List<String>> pending) {
		if (this.stopped) {
			count("not-sent", slice.size());
			this.notSent.addAndGet(slice.size());
			return;
		}
		MobileGroups groups;
		try {
			groups = this.campaign.client().groupByCarrierReconciled(slice);
		}
		catch (JuheSmsException ex) {
			logger.warn("Campaign " + this.id + ": grouping " + slice.size() + " numbers failed, they are not sent ("
					+ ex.getMessage() + ")");
			count("not-sent", slice.size());
			this.notSent.addAndGet(slice.size());
			return;
		}
		for (Carrier carrier : CARRIERS) {
			List<String> buffer = pending.computeIfAbsent(carrier, (key) -> new ArrayList<>());
			buffer.addAll(groups.of(carrier));
			while (buffer.size() >= FinancialSmsClient.MAX_MOBILES) {
				List<String> head = buffer.subList(0, FinancialSmsClient.MAX_MOBILES);
				List<String> chunk = List.copyOf(head);
				head.clear();
				send(carrier, chunk);
			}
		}
		this.unknownCarrier.addAll(groups.unknown());
		count("unknown-carrier", groups.unknown().size());
	}

	private void send(Carrier carrier, List<String> chunk) {
		this.slots.acquireUninterruptibly();
		if (this.stopped) {
			this.slots.release();
			count("not-sent", chunk.size());
			this.notSent.addAndGet(chunk.size());
			return;
		}
		int index = this.chunks++;
		long templateId = this.campaign.templateIds().get(carrier);
		SendOptions options = this.campaign.options();
		SendOptions chunkOptions = (options.idempotencyKey() != null)
				? options.withIdempotencyKey(options.idempotencyKey() + ":" + carrier + ":" + index) : options;
		this.senders.execute(() -> {
			try {
				completed(index, this.campaign.client()
					.sendGroup(carrier, templateId, chunk, this.campaign.variables(), chunkOptions));
			}
			finally {
				this.slots.release();
			}
		});
	}

	private void completed(int index, CarrierGroupSend send) {
		FinancialSmsResult result = send.result();
		JuheSmsException failure = send.failure();
		Outcome outcome;
		if (result != null) {
			int refused = result.limited().size();
			this.sent.addAndGet(send.mobiles().size() - refused);
			this.limited.addAndGet(refused);
			this.chunksSent.incrementAndGet();
			count("sent", send.mobiles().size() - refused);
			count("limited", refused);
			outcome = Outcome.SENT;
		}
		else {
			this.failed.add(send);
			outcome = (failure != null && failure.isOutcomeUnknown()) ? Outcome.OUTCOME_UNKNOWN : Outcome.FAILED;
			count((outcome == Outcome.OUTCOME_UNKNOWN) ? "unknown" : "failed", send.mobiles().size());
		}
		try {
			this.campaign.listener().accept(send);
			this.campaign.publisher()
				.accept(new FinancialCampaignChunkEvent(this.id, index, send.carrier(), send.templateId(),
						send.mobiles().size(), outcome, (result != null) ? result.sid() : null, Instant.now()));
		}
		catch (RuntimeException ex) {
			logger.warn("A listener of campaign " + this.id + " failed on chunk " + index + "; the campaign goes on",
					ex);
		}
	}

	private void count(String outcome, long numbers) {
		MeterRegistry registry = this.campaign.meterRegistry();
		if (registry != null && numbers > 0) {
			Counter.builder(NUMBERS)
				.description("Numbers of Financial SMS campaigns, by what became of them")
				.tag("outcome", outcome)
				.register(registry)
				.increment(numbers);
		}
	}

	@Override
	public String toString() {
		return "FinancialCampaignRun[id=" + this.id + ", read=" + this.read.get() + ", sent=" + this.sent.get()
				+ ", stopped=" + this.stopped + "]";
	}

}
