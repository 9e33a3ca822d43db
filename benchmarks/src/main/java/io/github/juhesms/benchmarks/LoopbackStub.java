package io.github.juhesms.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A Juhe stand-in that answers the send endpoints with the documents' success responses
 * as fast as it can: keep-alive, TCP_NODELAY, no logging, a fixed answer per path. Runs
 * in its own process, so the client's CPU time can be measured apart from it. Prints its
 * port on the first line.
 */
public final class LoopbackStub {

	/** The SMS API document's success example. */
	public static final byte[] SMS_API_SENT = bytes(
			"{\"reason\":\"短信发送成功\",\"result\":{\"count\":1,\"fee\":1,\"sid\":\"23d6bc4913614919a823271d820662af\"},\"error_code\":0}");

	// The other products' documented success answers.
	private static final byte[] INTERNATIONAL_SENT = bytes(
			"{\"reason\":\"操作成功\",\"result\":{\"sid\":\"20190326142208\",\"fee\":1},\"error_code\":0}");

	private static final byte[] FINANCIAL_SENT = bytes(
			"{\"reason\":\"提交成功\",\"result\":{\"sid\":\"1683786542937000000\",\"fee\":1},\"error_code\":0}");

	private LoopbackStub() {
	}

	/**
	 * Start the stub.
	 * @param args ignored
	 * @throws IOException if the server cannot start
	 */
	public static void main(String[] args) throws IOException {
		System.setProperty("sun.net.httpserver.nodelay", "true");
		HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
		server.createContext("/sms/send", (exchange) -> answer(exchange, SMS_API_SENT));
		server.createContext("/smsInternational/send", (exchange) -> answer(exchange, INTERNATIONAL_SENT));
		server.createContext("/shortLetter/send.php", (exchange) -> answer(exchange, FINANCIAL_SENT));
		server.setExecutor(Executors.newFixedThreadPool(16));
		server.start();
		System.out.println(server.getAddress().getPort());
		System.out.flush();
	}

	private static void answer(HttpExchange exchange, byte[] body) throws IOException {
		try (InputStream in = exchange.getRequestBody()) {
			in.transferTo(OutputStream.nullOutputStream());
		}
		exchange.getResponseHeaders().set("Content-Type", "application/json;charset=utf-8");
		exchange.sendResponseHeaders(200, body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
