# shellcheck shell=bash
# Certificates minted at every `up`: a lab root CA (handed to preflight with --ca-file), one
# leaf per host for nginx's SNI servers, the faulty certificates, and squid's inspection CA.
# Keys are ECDSA P-256 (fast to make) except the inspection CA, which squid 5 wants as RSA.

CA_DIR="$STATE/ca"

# Writes an openssl extension file for a server certificate covering the given names.
leaf_ext() {
  local names=("$@") san="" n
  for n in "${names[@]}"; do san+="${san:+,}DNS:$n"; done
  printf 'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature,keyEncipherment\n'
  printf 'extendedKeyUsage=serverAuth\nsubjectAltName=%s\n' "$san"
}

# Signs a leaf for the given names with the lab root, reusing the shared leaf key and request
# (the names are in the subjectAltName, which is all a client checks).
lab_leaf() {
  local out=$1; shift
  openssl x509 -req -in "$CA_DIR/leaf.csr" -CA "$CA_DIR/root.pem" -CAkey "$CA_DIR/root.key" \
    -set_serial "0x$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')" -days 30 \
    -extfile <(leaf_ext "$@") -out "$out" 2>/dev/null
}

# Groups host names by their last two labels, one line per group: "group host host ...".
# Real services share certificates the same way, and one certificate per group instead of per
# host keeps `up` fast on a busy machine.
host_groups() {
  awk -F. '{ g = $(NF-1) "." $NF; hosts[g] = hosts[g] " " $0 } END { for (g in hosts) print g hosts[g] }' "$1" | sort
}

certs_root() {
  mkdir -p "$CA_DIR/hosts"
  openssl ecparam -name prime256v1 -genkey -noout -out "$CA_DIR/root.key"
  openssl req -x509 -new -key "$CA_DIR/root.key" -subj "/O=preflight lab/CN=preflight lab root CA" -days 30 \
    -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" \
    -out "$CA_DIR/root.pem"
  openssl ecparam -name prime256v1 -genkey -noout -out "$CA_DIR/leaf.key"
  openssl req -new -key "$CA_DIR/leaf.key" -subj "/O=preflight lab/CN=preflight lab server" -out "$CA_DIR/leaf.csr"
}

# An expired leaf needs a validity in the past, which only `openssl ca` can set.
certs_expired() {
  local cnf="$CA_DIR/expired-ca.cnf"
  mkdir -p "$CA_DIR/expired-db"
  : >"$CA_DIR/expired-db/index.txt"
  cat >"$cnf" <<CNF
[ca]
default_ca = lab
[lab]
database = $CA_DIR/expired-db/index.txt
new_certs_dir = $CA_DIR/expired-db
serial = $CA_DIR/expired-db/serial
default_md = sha256
policy = any
unique_subject = no
copy_extensions = none
[any]
commonName = supplied
CNF
  openssl rand -hex 8 >"$CA_DIR/expired-db/serial"
  openssl req -new -key "$CA_DIR/leaf.key" -subj "/CN=expired.lab.example" -out "$CA_DIR/expired.csr" 2>/dev/null
  openssl ca -batch -notext -config "$cnf" -cert "$CA_DIR/root.pem" -keyfile "$CA_DIR/root.key" \
    -startdate 20240101000000Z -enddate 20240201000000Z -extfile <(leaf_ext "$@") \
    -in "$CA_DIR/expired.csr" -out "$CA_DIR/expired.pem" 2>/dev/null
}

certs_self_signed() {
  openssl req -x509 -new -key "$CA_DIR/leaf.key" -subj "/O=self-signed/CN=self-signed.lab.example" -days 30 \
    -addext "subjectAltName=$(leaf_ext "$@" | sed -n 's/^subjectAltName=//p')" \
    -out "$CA_DIR/self-signed.pem" 2>/dev/null
}

# squid's ssl-bump CA; it also signs the certificate of the transparent interception fault, which
# is served with the CA in the chain, as inspecting firewalls do.
certs_inspection_ca() {
  openssl req -x509 -new -newkey rsa:2048 -nodes -keyout "$CA_DIR/inspect.key" -days 30 \
    -subj "/O=Contoso Secure Web Gateway/CN=Contoso TLS Inspection CA" \
    -addext "basicConstraints=critical,CA:TRUE" -addext "keyUsage=critical,keyCertSign,cRLSign" \
    -out "$CA_DIR/inspect.pem" 2>/dev/null
  openssl x509 -req -in "$CA_DIR/leaf.csr" -CA "$CA_DIR/inspect.pem" -CAkey "$CA_DIR/inspect.key" \
    -set_serial "0x$(od -An -N8 -tx1 /dev/urandom | tr -d ' \n')" -days 30 \
    -extfile <(leaf_ext "$@") -out "$CA_DIR/intercepted-leaf.pem" 2>/dev/null
  cat "$CA_DIR/intercepted-leaf.pem" "$CA_DIR/inspect.pem" >"$CA_DIR/intercepted.pem"
}

# Mints every certificate the servers use; $1 is the file listing the lab host names.
certs_all() {
  certs_root
  local group hosts
  while read -r group hosts; do
    # shellcheck disable=SC2086 # one argument per host name
    lab_leaf "$CA_DIR/hosts/$group.pem" $hosts
  done < <(host_groups "$1")
  lab_leaf "$CA_DIR/default.pem" unknown-host.lab.example
  lab_leaf "$CA_DIR/wrong-name.pem" wrong-name.lab.example
  lab_leaf "$CA_DIR/gen.pem" "*.$GEN_ZONE"
  # shellcheck disable=SC2046 # one argument per host name
  certs_expired $(cat "$1")
  # shellcheck disable=SC2046
  certs_self_signed $(cat "$1")
  # shellcheck disable=SC2046
  certs_inspection_ca $(cat "$1")
}
