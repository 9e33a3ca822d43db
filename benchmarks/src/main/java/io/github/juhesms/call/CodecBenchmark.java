package io.github.juhesms.call;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.juhesms.benchmarks.LoopbackStub;
import io.github.juhesms.call.JuheForm.VariablesEncoding;
import io.github.juhesms.core.JuheOperation;
import io.github.juhesms.core.JuheProduct;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * The starter's template-variable validation and encoding, and its envelope parser, on
 * their own. In the pipeline's package, whose parser is not API.
 */
@State(Scope.Benchmark)
public class CodecBenchmark {

	private static final JuheOperation SEND = JuheOperation.send(JuheProduct.SMS_API, "send", "/send");

	private final Map<String, String> plain = new LinkedHashMap<>(Map.of("code", "123456", "name", "张三"));

	private final Map<String, String> special = new LinkedHashMap<>(Map.of("code", "123456", "note", "a&b=c#d 50%"));

	private final byte[] answer = LoopbackStub.SMS_API_SENT;

	@Benchmark
	public String encodePlainVariables() {
		return new JuheForm().addVariables(SEND, "tpl_value", this.plain, VariablesEncoding.PAIRS).get("tpl_value");
	}

	@Benchmark
	public String encodeVariablesWithSpecialCharacters() {
		return new JuheForm().addVariables(SEND, "tpl_value", this.special, VariablesEncoding.PAIRS).get("tpl_value");
	}

	@Benchmark
	public String encodeVariablesAsJson() {
		return new JuheForm().addVariables(SEND, "vars", this.plain, VariablesEncoding.JSON).get("vars");
	}

	@Benchmark
	public String parseEnvelope() {
		JuheEnvelope envelope = JuheResponseParser.parse(SEND, 200, this.answer);
		return envelope.result().requiredText("sid") + envelope.result().requiredInt("fee");
	}

}
