package org.minga.ui.pages;

import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import org.minga.assembly.api.InvalidInputException;
import org.minga.assembly.api.Refusal;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** QR codes as SVG, drawn by the app: the projector's join link and the printed table cards. */
@RestController
public class QrController {

    static final int MAX_TEXT = 512;

    @GetMapping(path = "/qr.svg", produces = "image/svg+xml")
    public ResponseEntity<String> qr(@RequestParam String text) {
        if (text.isEmpty() || text.length() > MAX_TEXT) {
            throw new InvalidInputException("text", Refusal.TEXT_TOO_LONG, text.length(), MAX_TEXT);
        }
        BitMatrix matrix;
        try {
            matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2,
                            EncodeHintType.CHARACTER_SET, "UTF-8"));
        } catch (WriterException e) {
            throw new InvalidInputException("text", Refusal.VALUE_UNKNOWN, text);
        }
        StringBuilder path = new StringBuilder();
        for (int y = 0; y < matrix.getHeight(); y++) {
            for (int x = 0; x < matrix.getWidth(); x++) {
                if (matrix.get(x, y)) {
                    path.append('M').append(x).append(' ').append(y).append("h1v1h-1z");
                }
            }
        }
        String svg = "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 " + matrix.getWidth() + " " + matrix.getHeight()
                + "\" shape-rendering=\"crispEdges\"><rect width=\"100%\" height=\"100%\" fill=\"#fff\"/>"
                + "<path fill=\"#000\" d=\"" + path + "\"/></svg>";
        return ResponseEntity.ok().cacheControl(CacheControl.maxAge(java.time.Duration.ofDays(1))).body(svg);
    }
}
