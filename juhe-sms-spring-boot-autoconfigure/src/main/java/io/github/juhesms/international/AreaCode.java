package io.github.juhesms.international;

/**
 * A country or area Juhe sends to, with its per-message fee.
 *
 * @param chineseName the Chinese name ({@code cname}), trimmed
 * @param englishName the English name ({@code ename}), trimmed
 * @param areaCode the calling code ({@code areanum})
 * @param fee the units billed per message to this area ({@code fee})
 */
public record AreaCode(String chineseName, String englishName, String areaCode, int fee) {

}
