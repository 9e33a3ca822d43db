package io.github.juhesms.test.fake;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import org.jspecify.annotations.Nullable;

/**
 * The HTTP side of the fake: reads a GET or POST (the documents allow both), with
 * parameters in the query, the form-encoded body or both, and writes the answer, late or
 * not at all when a fault says so.
 */
final class FakeJuheHttpHandler implements HttpHandler {

	private final FakeJuhe juhe;

	FakeJuheHttpHandler(FakeJuhe juhe) {
		this.juhe = juhe;
	}

	@Override
	public void handle(HttpExchange exchange) throws IOException {
		try {
			byte[] body = exchange.getRequestBody().readAllBytes();
			String path = exchange.getRequestURI().getPath();
			JuheEndpoint endpoint = JuheEndpoint.at(path).orElse(null);
			if (endpoint == null) {
				write(exchange, JuheAnswer.notFound(path));
				return;
			}
			Map<String, String> parameters;
			try {
				parameters = parameters(exchange.getRequestURI().getRawQuery(), body);
			}
			catch (IllegalArgumentException ex) {
				write(exchange, new JuheAnswer(400, "text/plain;charset=utf-8",
						("Malformed form encoding: " + ex.getMessage()).getBytes(StandardCharsets.UTF_8)));
				return;
			}
			FakeJuhe.Handled handled = this.juhe.handle(new JuheRequest(endpoint, parameters));
			Fault fault = handled.fault();
			if (fault != null && fault.kind() == Fault.Kind.DELAY) {
				Thread.sleep(fault.delay().toMillis());
			}
			// Closing the exchange before any header is sent closes the connection: the
			// answer is lost.
			if (fault == null || fault.kind() != Fault.Kind.DROP_CONNECTION) {
				write(exchange, handled.answer());
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			exchange.close();
		}
	}

	private static Map<String, String> parameters(@Nullable String query, byte[] body) {
		Map<String, String> parameters = new LinkedHashMap<>();
		decodeInto(parameters, query);
		decodeInto(parameters, new String(body, StandardCharsets.UTF_8));
		return parameters;
	}

	private static void decodeInto(Map<String, String> parameters, @Nullable String form) {
		if (form == null || form.isEmpty()) {
			return;
		}
		for (String pair : form.split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int equals = pair.indexOf('=');
			String name = (equals >= 0) ? pair.substring(0, equals) : pair;
			String value = (equals >= 0) ? pair.substring(equals + 1) : "";
			parameters.put(URLDecoder.decode(name, StandardCharsets.UTF_8),
					URLDecoder.decode(value, StandardCharsets.UTF_8));
		}
	}

	private static void write(HttpExchange exchange, JuheAnswer answer) throws IOException {
		exchange.getResponseHeaders().set("Content-Type", answer.contentType());
		exchange.sendResponseHeaders(answer.status(), answer.body().length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(answer.body());
		}
	}

}
