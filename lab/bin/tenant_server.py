#!/usr/bin/env python3
"""The discovery endpoints of three lab tenants, behind the lab's nginx.

nginx terminates TLS for login.microsoftonline.com and enrollment.manage.microsoft.com and passes
realm discovery, the OpenID configuration and MDM discovery here, with the Host header kept. The
answers follow the formats in docs/tenant-discovery.md:

  contoso.example    managed, worldwide cloud
  fabrikam.example   federated with the identity provider sts.fabrikam.example, worldwide cloud
  tailspin.example   managed, US Government cloud

Every tenant's users get the enrollment service fef.msua01.manage.microsoft.com from MDM
discovery. Any other domain is unknown, as Entra ID answers for it.
"""
import argparse
import json
import re
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import unquote, urlsplit

TENANT_ID = "8f9b2b41-1c0d-4f3a-9a1b-7d2e5c6f8a90"
TENANTS = {
    "contoso.example": {"realm": "Managed", "cloud": "microsoftonline.com", "region": "EU"},
    "fabrikam.example": {"realm": "Federated", "cloud": "microsoftonline.com", "region": "NA"},
    "tailspin.example": {"realm": "Managed", "cloud": "microsoftonline.us", "region": "USGov"},
}
ENROLLMENT = "https://fef.msua01.manage.microsoft.com/StatelessEnrollmentService"
DISCOVER_RESPONSE = """<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope" \
xmlns:a="http://www.w3.org/2005/08/addressing"><s:Header><a:Action s:mustUnderstand="1">\
http://schemas.microsoft.com/windows/management/2012/01/enrollment/IDiscoveryService/DiscoverResponse\
</a:Action></s:Header><s:Body><DiscoverResponse \
xmlns="http://schemas.microsoft.com/windows/management/2012/01/enrollment"><DiscoverResult>\
<AuthPolicy>Federated</AuthPolicy><EnrollmentVersion>4.0</EnrollmentVersion>\
<EnrollmentPolicyServiceUrl>{base}/DeviceEnrollmentPolicy.svc</EnrollmentPolicyServiceUrl>\
<EnrollmentServiceUrl>{base}/DeviceEnrollment.svc</EnrollmentServiceUrl>\
<AuthenticationServiceUrl>https://portal.manage.microsoft.com/LoginRedirect.aspx</AuthenticationServiceUrl>\
</DiscoverResult></DiscoverResponse></s:Body></s:Envelope>"""
REALM_PATH = re.compile(r"^/common/userrealm/([^/?]+)$")
OPENID_PATH = re.compile(r"^/([^/]+)/v2\.0/\.well-known/openid-configuration$")
EMAIL = re.compile(r"<EmailAddress>([^<]{1,320})</EmailAddress>")


def realm(user):
    domain = user.rsplit("@", 1)[-1].lower()
    tenant = TENANTS.get(domain)
    if tenant is None:
        return {"ver": "1.0", "account_type": "Unknown", "domain_name": domain}
    answer = {"ver": "1.0", "account_type": tenant["realm"], "domain_name": domain,
              "cloud_instance_name": tenant["cloud"], "cloud_audience_urn": "urn:federation:MicrosoftOnline"}
    if tenant["realm"] == "Federated":
        answer.update({
            "federation_protocol": "WSTrust",
            "federation_metadata_url": "https://sts.%s/adfs/services/trust/mex" % domain,
            "federation_active_auth_url": "https://sts.%s/adfs/services/trust/2005/usernamemixed" % domain,
        })
    return answer


def openid(domain):
    tenant = TENANTS.get(domain.lower())
    if tenant is None:
        return None
    host = "login." + tenant["cloud"]
    return {"issuer": "https://%s/%s/v2.0" % (host, TENANT_ID),
            "authorization_endpoint": "https://%s/%s/oauth2/v2.0/authorize" % (host, TENANT_ID),
            "tenant_region_scope": tenant["region"], "cloud_instance_name": tenant["cloud"]}


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def send(self, status, body, content_type):
        data = body.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        path = urlsplit(self.path).path
        m = REALM_PATH.match(path)
        if m:
            return self.send(200, json.dumps(realm(unquote(m.group(1)))), "application/json")
        m = OPENID_PATH.match(path)
        if m:
            answer = openid(m.group(1))
            if answer is None:
                return self.send(400, json.dumps({"error": "invalid_tenant"}), "application/json")
            return self.send(200, json.dumps(answer), "application/json")
        # MS-MDE2: the discovery service answers the device's first GET with an empty 200.
        return self.send(200, "", "text/html")

    def do_POST(self):
        length = min(int(self.headers.get("Content-Length") or 0), 65536)
        body = self.rfile.read(length).decode("utf-8", "replace")
        email = EMAIL.search(body)
        domain = email.group(1).rsplit("@", 1)[-1].lower() if email else ""
        if domain not in TENANTS:
            fault = ('<s:Envelope xmlns:s="http://www.w3.org/2003/05/soap-envelope"><s:Body><s:Fault>'
                     '<s:Reason><s:Text xml:lang="en-US">unknown user</s:Text></s:Reason>'
                     '</s:Fault></s:Body></s:Envelope>')
            return self.send(500, fault, "application/soap+xml; charset=utf-8")
        return self.send(200, DISCOVER_RESPONSE.format(base=ENROLLMENT), "application/soap+xml; charset=utf-8")

    def log_message(self, fmt, *args):
        print("%s %s" % (self.headers.get("Host"), fmt % args), flush=True)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("listen", help="ADDRESS:PORT")
    args = parser.parse_args()
    host, port = args.listen.rsplit(":", 1)
    ThreadingHTTPServer((host, int(port)), Handler).serve_forever()


if __name__ == "__main__":
    main()
