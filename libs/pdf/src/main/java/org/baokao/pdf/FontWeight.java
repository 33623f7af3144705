package org.baokao.pdf;

/** The two faces of Noto Sans SC a form draws with: body text and headings. */
public enum FontWeight {
    REGULAR("NotoSansSC-Regular.ttf"), BOLD("NotoSansSC-Bold.ttf");

    final String file;

    FontWeight(String file) {
        this.file = file;
    }
}
