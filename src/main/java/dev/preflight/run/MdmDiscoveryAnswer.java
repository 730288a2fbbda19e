package dev.preflight.run;

import dev.preflight.probe.HttpResponse;
import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.jspecify.annotations.Nullable;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * MDM discovery as Windows performs it (MS-MDE2 section 3.1: a SOAP 1.2 {@code Discover} POST to
 * the discovery service; the request and answer shapes follow "Federated authentication device
 * enrollment", see docs/tenant-discovery.md): the request for a user, and the enrollment and policy
 * service URLs the answer names.
 *
 * @param authPolicy {@code OnPremise}, {@code Federated} or {@code Certificate}, as the service
 *     says
 * @param enrollmentService the enrollment service URL (Intune: {@code
 *     fef.UNIT.manage.microsoft.com})
 * @param policyService the enrollment policy service URL, or null when the answer has none
 */
record MdmDiscoveryAnswer(
    String authPolicy, DiscoveredUrl enrollmentService, @Nullable DiscoveredUrl policyService) {

  static final String CONTENT_TYPE = "application/soap+xml; charset=utf-8";

  /** The Discover request a Windows device sends for {@code user} to {@code url}. */
  static String request(String user, String url) {
    return """
        <?xml version="1.0"?>
        <s:Envelope xmlns:a="http://www.w3.org/2005/08/addressing" \
        xmlns:s="http://www.w3.org/2003/05/soap-envelope">
          <s:Header>
            <a:Action s:mustUnderstand="1">\
        http://schemas.microsoft.com/windows/management/2012/01/enrollment/IDiscoveryService/Discover\
        </a:Action>
            <a:MessageID>urn:uuid:%s</a:MessageID>
            <a:ReplyTo><a:Address>http://www.w3.org/2005/08/addressing/anonymous</a:Address></a:ReplyTo>
            <a:To s:mustUnderstand="1">%s</a:To>
          </s:Header>
          <s:Body>
            <Discover xmlns="http://schemas.microsoft.com/windows/management/2012/01/enrollment">
              <request xmlns:i="http://www.w3.org/2001/XMLSchema-instance">
                <EmailAddress>%s</EmailAddress>
                <RequestVersion>4.0</RequestVersion>
                <DeviceType>CIMClient_Windows</DeviceType>
                <ApplicationVersion>10.0.22631.0</ApplicationVersion>
                <OSEdition>4</OSEdition>
                <AuthPolicies>
                  <AuthPolicy>OnPremise</AuthPolicy>
                  <AuthPolicy>Federated</AuthPolicy>
                </AuthPolicies>
              </request>
            </Discover>
          </s:Body>
        </s:Envelope>
        """
        .formatted(java.util.UUID.randomUUID(), escape(url), escape(user));
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  static MdmDiscoveryAnswer parse(HttpResponse response) throws DiscoveryProblem {
    if (response.truncated()) {
      throw new DiscoveryProblem("MDM discovery answered more than it ever needs");
    }
    if (response.status() != 200) {
      throw new DiscoveryProblem(
          "MDM discovery answered HTTP " + response.status() + faultReason(response.text()));
    }
    Document xml = read(response.text());
    String enrollment = first(xml, "EnrollmentServiceUrl");
    if (enrollment == null) {
      throw new DiscoveryProblem("the MDM discovery answer names no EnrollmentServiceUrl");
    }
    String policy = first(xml, "EnrollmentPolicyServiceUrl");
    String auth = first(xml, "AuthPolicy");
    return new MdmDiscoveryAnswer(
        auth == null ? "unknown" : DiscoveryJson.word(auth),
        DiscoveredUrl.parse(enrollment, "the enrollment service URL"),
        policy == null ? null : DiscoveredUrl.parse(policy, "the enrollment policy service URL"));
  }

  /** The enrollment service, then the policy service when it is another URL. */
  List<DiscoveredUrl> services() {
    List<DiscoveredUrl> services = new ArrayList<>(List.of(enrollmentService));
    if (policyService != null && !policyService.equals(enrollmentService)) {
      services.add(policyService);
    }
    return services;
  }

  /** " (REASON)" from a SOAP fault's Reason text, or "" when the body carries none. */
  private static String faultReason(String body) {
    try {
      String reason = first(read(body), "Text");
      return reason == null ? "" : " (" + DiscoveryJson.word(reason) + ")";
    } catch (DiscoveryProblem notXml) {
      return "";
    }
  }

  private static Document read(String text) throws DiscoveryProblem {
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      // A peer's XML: no DOCTYPE, so no entity expansion (billion laughs) and no external fetch.
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      factory.setNamespaceAware(true);
      factory.setExpandEntityReferences(false);
      DocumentBuilder builder = factory.newDocumentBuilder();
      builder.setErrorHandler(null);
      return builder.parse(new InputSource(new StringReader(text)));
    } catch (ParserConfigurationException e) {
      throw new IllegalStateException("the JDK's XML parser lacks a standard feature", e);
    } catch (SAXException | IOException e) {
      throw new DiscoveryProblem("MDM discovery answered something that is not XML");
    }
  }

  private static @Nullable String first(Document xml, String localName) {
    NodeList nodes = xml.getElementsByTagNameNS("*", localName);
    if (nodes.getLength() == 0) {
      return null;
    }
    String text = nodes.item(0).getTextContent();
    return text == null || text.isBlank() ? null : text.strip();
  }
}
