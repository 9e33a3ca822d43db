package io.github.juhesms.core;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MessageLengthTests {

	// 【聚合数据】 is 6 characters; the rest is padded to the length wanted.
	private static String chinese(int characters) {
		return "【聚合数据】" + "中".repeat(characters - 6);
	}

	// 【Juhe】 is 6 characters and keeps the text pure English.
	private static String english(int characters) {
		return "【Juhe】" + "a".repeat(characters - 6);
	}

	@ParameterizedTest(name = "{0} characters not English: {1} messages")
	@CsvSource({ "6, 1", "70, 1", "71, 2", "134, 2", "135, 3", "201, 3", "202, 4", "500, 8", "501, 8" })
	void billsByTheDocumentsRuleFor70Then67(int characters, int units) {
		MessageLength length = MessageLength.of(chinese(characters));

		assertThat(length).isEqualTo(new MessageLength(characters, false, units));
	}

	@ParameterizedTest(name = "{0} characters of pure English: {1} messages")
	@CsvSource({ "70, 1", "71, 1", "140, 1", "141, 2", "268, 2", "269, 3", "402, 3", "403, 4", "500, 4" })
	void billsPureEnglishBy140Then134(int characters, int units) {
		MessageLength length = MessageLength.of(english(characters));

		assertThat(length).isEqualTo(new MessageLength(characters, true, units));
	}

	@Test
	void emptyTextIsOneMessage() {
		assertThat(MessageLength.of("")).isEqualTo(new MessageLength(0, true, 1));
	}

	@Test
	void refusesOver500CharactersOnly() {
		assertThat(MessageLength.of(chinese(500)).isTooLong()).isFalse();
		assertThat(MessageLength.of(chinese(501)).isTooLong()).isTrue();
		assertThat(MessageLength.of(english(500)).isTooLong()).isFalse();
		assertThat(MessageLength.of(english(501)).isTooLong()).isTrue();
	}

	@Test
	void aChineseSignatureMakesEnglishContentNonEnglish() {
		MessageLength length = MessageLength.of("【聚合数据】" + "a".repeat(100));

		assertThat(length).isEqualTo(new MessageLength(106, false, 2));
	}

	@Test
	void oneCharacterOutsideAsciiMakesTheTextNonEnglish() {
		String english = english(100);

		assertThat(MessageLength.of(english + "中").pureEnglish()).isFalse();
		assertThat(MessageLength.of(english + "，").pureEnglish()).as("full-width comma").isFalse();
		assertThat(MessageLength.of(english + "é").pureEnglish()).as("Latin-1, not English").isFalse();
		assertThat(MessageLength.of(english + "€").pureEnglish()).as("in GSM 7-bit, not English").isFalse();
		assertThat(MessageLength.of(english + "\t").pureEnglish()).as("a control character").isFalse();
		assertThat(MessageLength.of(english + "\u00a0").pureEnglish()).as("no-break space").isFalse();
		assertThat(MessageLength.of(english + "\u007f").pureEnglish()).as("DEL").isFalse();
		assertThat(MessageLength.of(english + "中").billedUnits()).isEqualTo(2);
	}

	@Test
	void everyPrintableAsciiCharacterAndLineBreaksAreEnglish() {
		StringBuilder ascii = new StringBuilder("【Juhe】\r\n");
		for (char c = ' '; c <= '~'; c++) {
			ascii.append(c);
		}
		MessageLength length = MessageLength.of(ascii.toString());

		assertThat(length).isEqualTo(new MessageLength(6 + 2 + 95, true, 1));
	}

	@Test
	void mixedTextIsBilledAsNonEnglishWithEveryCharacterOne() {
		// 6 + 60 ASCII + 4 Chinese + 1 full-width punctuation = 71.
		MessageLength length = MessageLength.of("【Juhe】" + "a b,c.".repeat(10) + "验证码是" + "。");

		assertThat(length).isEqualTo(new MessageLength(71, false, 2));
	}

	@Test
	void anEmojiOutsideTheBasicPlaneCountsAsTwo() {
		// 😀 is U+1F600: two UTF-16 code units, as carriers encode it in UCS-2.
		assertThat(MessageLength.of("😀")).isEqualTo(new MessageLength(2, false, 1));
		assertThat(MessageLength.of(chinese(68) + "😀")).isEqualTo(new MessageLength(70, false, 1));
		assertThat(MessageLength.of(chinese(69) + "😀")).isEqualTo(new MessageLength(71, false, 2));
		assertThat(MessageLength.of(chinese(499) + "😀").isTooLong()).isTrue();
	}

	@Test
	void anEmojiInTheBasicPlaneCountsAsOne() {
		// ☺ is U+263A.
		assertThat(MessageLength.of(chinese(69) + "☺")).isEqualTo(new MessageLength(70, false, 1));
	}

	@Test
	void refusesNullAndUnitsThatDoNotMatchTheRule() {
		assertThatIllegalArgumentException().isThrownBy(() -> MessageLength.of(null)).withMessageContaining("null");
		assertThatIllegalArgumentException().isThrownBy(() -> new MessageLength(71, false, 1))
			.withMessage("71 characters are billed as 2 messages, not 1");
		assertThatIllegalArgumentException().isThrownBy(() -> new MessageLength(141, true, 1))
			.withMessage("141 characters of pure English are billed as 2 messages, not 1");
		assertThatIllegalArgumentException().isThrownBy(() -> new MessageLength(-1, true, 1))
			.withMessage("characters must be 0 or more, was -1");
	}

}
