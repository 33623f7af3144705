package org.baokao.payment.receipt;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.baokao.payment.order.FeeItem;
import org.baokao.payment.order.FeeOrder;
import org.baokao.pdf.FontWeight;
import org.baokao.pdf.PdfForm;
import org.springframework.stereotype.Component;

/**
 * PAY-7: the 报名缴费电子票据 of a paid order as a one-page A4 PDF, drawn with libs/pdf (Noto Sans SC embedded, text
 * that copies as written). It names no person: the bureau that collected the fee (BUR-1), the order, the exam, the
 * items, the bank trade.
 */
@Component
class ReceiptRenderer {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy年MM月dd日 HH:mm:ss");
    private static final FontWeight TEXT = FontWeight.REGULAR;
    private static final FontWeight HEADING = FontWeight.BOLD;

    /** {@code collector}: the name of the order's bureau (考试院), which collected the fee. */
    byte[] render(FeeOrder order, String collector) {
        try (PdfForm out = PdfForm.a4()) {
            float width = out.width();
            float left = 60;
            float right = width - 60;
            float y = 770;
            // 报名考试费电子票据, or 课程报考费电子票据 for a Shanghai course order
            out.centered(HEADING, 20, y, order.kind().feeName() + "电子票据");
            out.centered(TEXT, 10, y - 22, "（沙箱环境生成，仅供测试，不作报销凭证）");
            y -= 60;
            out.line(left, y, right);
            y -= 22;
            y = field(out, left, y, "收款单位", collector);
            y = field(out, left, y, "票据号码", order.id().toString().replace("-", "").substring(0, 20).toUpperCase());
            y = field(out, left, y, "订单号", order.bankOrderNo());
            y = field(out, left, y, "考试名称", order.examName() != null ? order.examName() : order.examCode());
            y = field(out, left, y, "收款渠道", order.channel().chineseName());
            y = field(out, left, y, "银行交易流水号", order.bankTradeNo());
            y = field(out, left, y, "缴费时间", TIME.format(order.paidAt().atZone(SHANGHAI)) + "（北京时间）");
            y -= 6;
            out.line(left, y, right);
            y -= 22;
            out.text(HEADING, 12, left, y, "缴费项目");
            out.text(HEADING, 12, right - 120, y, "金额（元）");
            y -= 8;
            out.line(left, y, right);
            for (FeeItem item : order.items()) {
                y -= 22;
                out.text(TEXT, 12, left, y, item.name());
                out.text(TEXT, 12, right - 120, y, yuan(item.amountFen()));
            }
            y -= 10;
            out.line(left, y, right);
            y -= 24;
            out.text(HEADING, 12, left, y, "合计（大写）：人民币" + ChineseAmount.of(order.amountFen()));
            out.text(HEADING, 12, right - 120, y, "¥" + yuan(order.amountFen()));
            y -= 40;
            out.text(TEXT, 10, left, y, "本票据由报考缴费平台根据银行缴费结果生成。如有疑问，请联系当地招生考试机构。");
            return out.toBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("receipt of order " + order.id() + " not rendered", e);
        }
    }

    private static float field(PdfForm out, float left, float y, String name, String value) throws IOException {
        out.text(TEXT, 12, left, y, name + "：");
        out.text(TEXT, 12, left + 110, y, value == null ? "" : value);
        return y - 22;
    }

    static String yuan(long fen) {
        return String.format("%d.%02d", fen / 100, fen % 100);
    }
}
