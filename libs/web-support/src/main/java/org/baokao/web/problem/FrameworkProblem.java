package org.baokao.web.problem;

/** Chinese texts for errors the framework raises before our code runs. */
record FrameworkProblem(String code, String chineseDetail) {

    static FrameworkProblem forStatus(int status) {
        return switch (status) {
            case 400 -> new FrameworkProblem("MALFORMED_REQUEST", "请求格式不正确");
            case 404 -> new FrameworkProblem("NOT_FOUND", "请求的资源不存在");
            case 405 -> new FrameworkProblem("METHOD_NOT_ALLOWED", "不支持该请求方式");
            case 406 -> new FrameworkProblem("NOT_ACCEPTABLE", "无法提供所请求的数据格式");
            case 413 -> new FrameworkProblem("PAYLOAD_TOO_LARGE", "上传的内容过大");
            case 415 -> new FrameworkProblem("UNSUPPORTED_MEDIA_TYPE", "不支持该数据格式");
            case 503 -> new FrameworkProblem("SERVICE_UNAVAILABLE", "服务暂时不可用，请稍后再试");
            default -> status >= 500
                    ? new FrameworkProblem("INTERNAL_ERROR", "系统繁忙，请稍后再试")
                    : new FrameworkProblem("BAD_REQUEST", "请求无法处理");
        };
    }
}
