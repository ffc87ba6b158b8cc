package ci.fast.maven.report;

/**
 * Escapes strings for XML 1.0. Characters XML 1.0 cannot carry at all (most control characters, lone
 * surrogates, U+FFFE/U+FFFF) become {@code '?'}: not even {@code &#1;} is well-formed, and a test that
 * prints binary junk must still leave a report every parser reads.
 */
final class XmlText {

    static final char REPLACEMENT = '?';

    private XmlText() {}

    /** For element content. {@code \r} is escaped so a parser's line-end normalisation keeps it. */
    static String content(String s) {
        return escape(s, false);
    }

    /** For a double-quoted attribute value. Tabs and line breaks are escaped, else parsers turn them into spaces. */
    static String attribute(String s) {
        return escape(s, true);
    }

    private static String escape(String s, boolean attribute) {
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append(attribute ? "&quot;" : "\"");
                case '\r' -> b.append("&#13;");
                case '\n' -> b.append(attribute ? "&#10;" : "\n");
                case '\t' -> b.append(attribute ? "&#9;" : "\t");
                default -> {
                    if (Character.isHighSurrogate(c)
                            && i + 1 < s.length()
                            && Character.isLowSurrogate(s.charAt(i + 1))) {
                        b.append(c).append(s.charAt(++i));
                    } else {
                        b.append(isLegal(c) ? c : REPLACEMENT);
                    }
                }
            }
        }
        return b.toString();
    }

    /** XML 1.0 Char production for a single UTF-16 unit; surrogate pairs are handled by the caller. */
    private static boolean isLegal(char c) {
        return c >= 0x20 && !Character.isSurrogate(c) && c != 0xFFFE && c != 0xFFFF;
    }
}
