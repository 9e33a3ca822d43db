package io.github.juhesms.video;

import java.time.Clock;
import java.time.LocalTime;
import java.util.List;

import io.github.juhesms.call.SendWindow;
import io.github.juhesms.core.JuheOperation;
import io.github.juhesms.core.Masking;
import io.github.juhesms.error.JuheSmsInvalidRequestException;
import org.jspecify.annotations.Nullable;

/**
 * The rules of the Video SMS document that the starter checks before a send: the send
 * hours ("发送时间：早九晚六", 09:00-18:00 China time) and China Mobile numbers only
 * ("目前只能发送移动号码"), told by the number's leading digits. Number portability (携号转网) makes
 * prefixes imperfect: a number ported to China Mobile is refused and one ported away is
 * let through (and refused by Juhe).
 *
 * @param sendWindow the send hours, or {@code null} to send at any hour
 * @param chinaMobilePrefixes the leading digits of China Mobile numbers, or {@code null}
 * to send to every carrier's numbers
 */
public record VideoRules(@Nullable SendWindow sendWindow, @Nullable List<String> chinaMobilePrefixes) {

	/** The document's send hours: 09:00 to 18:00 China time. */
	public static final SendWindow SEND_WINDOW = new SendWindow(LocalTime.of(9, 0), LocalTime.of(18, 0),
			"juhe.sms.video.send-window");

	// MIIT's allocation of mainland mobile prefixes to China Mobile: 134 but 1349 (the
	// satellite range), 135-139, 147, 148, 150-152, 157-159, 172, 178, 182-184, 187, 188,
	// 195, 197 (allocated on 2019-12-24), 198, and its virtual operators' 1703, 1705 and
	// 1706; as compiled in https://www.aliyunyouhui.com/204262.html and
	// http://m.zgznzx.sosol.com.cn/roll/2022/0701/6534.html. That compilation also counts
	// 165 (virtual operators) as China Mobile's: not in the default, add it if needed.
	// Not libphonenumber's carrier module: the registry serves only carrier 2.4 and 2.6,
	// which lag the core libphonenumber 9.0.19 the starter uses.
	/**
	 * The leading digits of China Mobile's mainland mobile numbers, by MIIT's allocation.
	 */
	public static final List<String> CHINA_MOBILE_PREFIXES = List.of("1340", "1341", "1342", "1343", "1344", "1345",
			"1346", "1347", "1348", "135", "136", "137", "138", "139", "147", "148", "150", "151", "152", "157", "158",
			"159", "172", "178", "182", "183", "184", "187", "188", "195", "197", "198", "1703", "1705", "1706");

	/** Both of the document's rules, with the default prefixes. */
	public static final VideoRules DOCUMENTED = new VideoRules(SEND_WINDOW, CHINA_MOBILE_PREFIXES);

	/**
	 * Create the rules.
	 * @param sendWindow the send hours, or {@code null} to send at any hour
	 * @param chinaMobilePrefixes the leading digits of China Mobile numbers, or
	 * {@code null} to send to every carrier's numbers
	 */
	public VideoRules {
		chinaMobilePrefixes = (chinaMobilePrefixes != null) ? List.copyOf(chinaMobilePrefixes) : null;
	}

	/**
	 * Whether a number starts with one of the China Mobile prefixes.
	 * @param prefixes the prefixes
	 * @param mobile the 11-digit mainland number
	 * @return {@code true} if the number is China Mobile's by its prefix
	 */
	public static boolean isChinaMobile(List<String> prefixes, String mobile) {
		for (String prefix : prefixes) {
			if (mobile.startsWith(prefix)) {
				return true;
			}
		}
		return false;
	}

	void check(JuheOperation operation, String mobile, Clock clock) {
		if (this.sendWindow != null) {
			this.sendWindow.check(operation, "send time", "video SMS (发送时间：早九晚六)", clock);
		}
		if (this.chinaMobilePrefixes != null && !isChinaMobile(this.chinaMobilePrefixes, mobile)) {
			throw new JuheSmsInvalidRequestException(operation, "mobile", Masking.mobile(mobile)
					+ " is not a China Mobile number by juhe.sms.video.china-mobile-prefixes, and video SMS goes only "
					+ "to China Mobile numbers (目前只能发送移动号码); a number ported between carriers keeps its prefix: "
					+ "juhe.sms.video.china-mobile-only=false leaves the check to Juhe");
		}
	}

}
