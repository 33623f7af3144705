package org.baokao.enrollment.partnerapi;

/** The body of verify and admission: who a partner names, by ID type, ID number and name, all three required. */
record CandidateRequest(String idType, String idNumber, String name) {

    /** The request normalised and checked; a missing body names nobody (400 on its first field). */
    static CandidateQuery query(CandidateRequest request) {
        return request == null ? CandidateQuery.of(null, null, null)
                : CandidateQuery.of(request.idType, request.idNumber, request.name);
    }

    /** Never prints the ID number or the name. */
    @Override
    public String toString() {
        return "CandidateRequest[idType=" + idType + "]";
    }
}
