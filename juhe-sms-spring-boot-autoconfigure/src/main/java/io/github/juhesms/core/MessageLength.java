package io.github.juhesms.core;

/**
 * How long a message is and how many messages Juhe bills for it.
 *
 * <p>
 * The documents' rule, for the content with its signature ({@code 【签名】内容}): up to 70
 * characters is one message, longer is billed per 67 (71 is 2, 134 is 2, 135 is 3); pure
 * English up to 140 is one, longer per 134 (141 is 2, 268 is 2, 269 is 3); Juhe refuses
 * more than {@value #MAX_CHARACTERS} characters.
 *
 * <p>
 * <b>A character</b> is one UTF-16 code unit ({@link String#length()}), which is what
 * carriers count: a message that is not pure English travels as UCS-2, two bytes per code
 * unit (70 of them in a 140-byte message, 67 when a concatenation header takes 6 bytes),
 * so a character outside the Basic Multilingual Plane (most emoji, 😀) takes two
 * surrogates and counts as 2. Every other character counts as one whatever its script, as
 * the documents say ("中英文标点空格都算作一个字符"): a Chinese character, a full-width or ASCII
 * punctuation mark, a space. Nothing is normalized: {@code é} written as {@code e} and a
 * combining accent is 2.
 *
 * <p>
 * <b>Pure English</b> ("纯英文") means every character is printable ASCII ({@code U+0020} to
 * {@code U+007E}: letters, digits, punctuation, space) or a line break ({@code \n},
 * {@code \r}). The documents' 140 and 134 are the 8-bit limits (140 bytes, 134 with the
 * concatenation header), one byte a character, which only single-byte text fits; the
 * documents name English, not the GSM 7-bit alphabet (whose limits would be 160 and 153),
 * so {@code é}, {@code £} or {@code €} make a message non-English: billed by 70 and 67,
 * never less than Juhe would. The signature's brackets {@code 【} and {@code 】} count as
 * one character each but do not make a message non-English: every send carries them, and
 * the documents' English rule would otherwise never apply; the signature's own text does,
 * so a Chinese signature ({@code 【聚合数据】}) makes every message non-English.
 *
 * @param characters the UTF-16 code units of the text with its signature
 * @param pureEnglish whether the text is pure English as described above
 * @param billedUnits the messages Juhe bills for it, 1 or more
 */
public record MessageLength(int characters, boolean pureEnglish, int billedUnits) {

	/** The most characters a message may hold; Juhe refuses longer ones. */
	public static final int MAX_CHARACTERS = 500;

	private static final int SINGLE = 70;

	private static final int PART = 67;

	private static final int ENGLISH_SINGLE = 140;

	private static final int ENGLISH_PART = 134;

	/**
	 * Checks that the units are what the documents' rule gives for the length.
	 * @param characters the UTF-16 code units, 0 or more
	 * @param pureEnglish whether the text is pure English
	 * @param billedUnits the billed messages, as {@link #of(String)} computes them
	 */
	public MessageLength {
		if (characters < 0) {
			throw new IllegalArgumentException("characters must be 0 or more, was " + characters);
		}
		int expected = units(characters, pureEnglish);
		if (billedUnits != expected) {
			throw new IllegalArgumentException(characters + " characters" + (pureEnglish ? " of pure English" : "")
					+ " are billed as " + expected + " messages, not " + billedUnits);
		}
	}

	/**
	 * Measure a message and bill it by the documents' rule.
	 * @param textWithSignature the text as the handset shows it, signature included:
	 * {@code 【签名】内容}
	 * @return its length, whether it is pure English and its billed messages
	 */
	public static MessageLength of(String textWithSignature) {
		if (textWithSignature == null) {
			throw new IllegalArgumentException("textWithSignature must not be null");
		}
		int characters = textWithSignature.length();
		boolean pureEnglish = true;
		for (int i = 0; i < characters && pureEnglish; i++) {
			pureEnglish = isEnglish(textWithSignature.charAt(i));
		}
		return new MessageLength(characters, pureEnglish, units(characters, pureEnglish));
	}

	/**
	 * Whether Juhe refuses this message for its length.
	 * @return {@code true} over {@value #MAX_CHARACTERS} characters
	 */
	public boolean isTooLong() {
		return this.characters > MAX_CHARACTERS;
	}

	private static boolean isEnglish(char c) {
		return (c >= ' ' && c <= '~') || c == '\n' || c == '\r' || c == '【' || c == '】';
	}

	private static int units(int characters, boolean pureEnglish) {
		int single = pureEnglish ? ENGLISH_SINGLE : SINGLE;
		int part = pureEnglish ? ENGLISH_PART : PART;
		return (characters <= single) ? 1 : (characters + part - 1) / part;
	}

}
