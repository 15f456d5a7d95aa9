package com.acme.claims;

/**
 * Build information shown in the page footer and sent to the support hotline.
 * Updated by the release script; the four-part number follows the insurer's release scheme
 * (major.minor.patch.build).
 */
public final class AppVersion {

    public static final String VERSION = "1.2.3.4";

    public static final String RELEASE_NAME = "Claims Portal 2014 R2";

    private AppVersion() {
    }
}
