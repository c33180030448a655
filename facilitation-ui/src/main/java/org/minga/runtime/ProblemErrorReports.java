package org.minga.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Requests Tomcat refuses before Minga sees them (an encoded NUL in the path, a broken request
 * line) are answered as problem+json too, not with Tomcat's HTML page.
 */
@Component
public class ProblemErrorReports implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof org.apache.catalina.core.StandardHost host) {
                host.setErrorReportValveClass(ProblemValve.class.getName());
            }
        });
    }

    /** Writes a short problem+json instead of Tomcat's error page. */
    public static class ProblemValve extends ErrorReportValve {
        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.isCommitted() || response.getContentWritten() > 0) {
                return;
            }
            String body = "{\"type\":\"urn:minga:refusal:request.malformed\",\"title\":\"Bad request\",\"status\":" + status
                    + ",\"detail\":\"The request cannot be read. / La solicitud no se puede leer.\",\"code\":\"request.malformed\"}";
            try {
                response.setContentType("application/problem+json");
                response.setCharacterEncoding("UTF-8");
                response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
                response.finishResponse();
            } catch (IOException | IllegalStateException e) {
                // the client is gone; nothing to tell it
            }
        }
    }
}
