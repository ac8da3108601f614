package org.backproplab.tui.term;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** What the locale in an environment says about the terminal's characters. */
public final class Locales {
    private Locales() {
    }

    /** Whether the locale (LC_ALL, else LC_CTYPE, else LANG: the first one set) names UTF-8. */
    public static boolean utf8(Map<String, String> env) {
        for (String name : new String[] {"LC_ALL", "LC_CTYPE", "LANG"}) {
            String v = env.get(name);
            if (v != null && !v.isEmpty()) {
                String lower = v.toLowerCase(java.util.Locale.ROOT);
                return lower.contains("utf-8") || lower.contains("utf8");
            }
        }
        return false; // no locale at all is the C locale: ASCII
    }

    /** UTF-8 where the locale says so, else ASCII. */
    public static Charset charset(Map<String, String> env) {
        return utf8(env) ? StandardCharsets.UTF_8 : StandardCharsets.US_ASCII;
    }
}
