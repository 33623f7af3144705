package org.baokao.photo.identity;

/** What the identity provider answered about a photo (PHO-4). */
public enum ComparisonResult {
    /** 比对通过 */
    MATCH,
    /** the photo is not of the person the provider knows */
    NO_MATCH,
    /** the provider has no reference photo of this person: retaking cannot help, a person must look (PHO-5) */
    NO_REFERENCE
}
