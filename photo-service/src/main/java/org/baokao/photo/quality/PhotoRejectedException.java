package org.baokao.photo.quality;

import org.baokao.domain.Refusal;

/** A photo that fails the quality check (PHO-2): one stable code and one specific Chinese reason. */
public class PhotoRejectedException extends Refusal {

    public PhotoRejectedException(String code, String chineseDetail) {
        this(Kind.REJECTED, code, chineseDetail);
    }

    public PhotoRejectedException(Kind kind, String code, String chineseDetail) {
        super(kind, code, chineseDetail);
    }
}
