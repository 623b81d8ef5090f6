#!/usr/bin/env bash
# HTTPS в локальной сети без купленного сертификата: свой удостоверяющий центр (УЦ) детского
# сада и сертификат сервера, подписанный им.
#
#   sudo deploy/make-lan-certificate.sh nastavnik.local 192.168.1.10
#
# Аргументы — имена и IP-адреса, по которым сотрудники открывают систему (как в
# DJANGO_ALLOWED_HOSTS). Первый запуск создаёт УЦ; следующие (продление сертификата раз в два
# года, смена имени) используют тот же УЦ, и на компьютерах ничего переустанавливать не нужно.
#
# Что получится:
#   $CA_DIR/ca.key              закрытый ключ УЦ — самое ценное: кто им владеет, может выдать
#                               сертификат для этого сервера. Храните копию на флешке в сейфе.
#   $CA_DIR/ca.crt              сертификат УЦ, он же $TLS_DIR/nastavnik-ca.crt — его один раз
#                               ставят на каждый компьютер и телефон как доверенный корневой;
#                               после этого браузеры открывают https://… без предупреждений.
#   $TLS_DIR/server.crt, .key   сертификат и ключ сервера для nginx.
#
# УЦ ограничен (nameConstraints): он может подписать только имена, данные при его создании,
# и адреса частных сетей. Даже если его ключ украдут, им не подделать сайт банка или госуслуг
# на компьютерах, где он установлен.
#
# Переменные окружения:
#   CA_DIR       каталог УЦ                            (/root/nastavnik-ca)
#   TLS_DIR      куда положить сертификат для nginx     (/etc/nastavnik/tls)
#   CA_NAME      название УЦ, его видно в браузере      (Наставник: УЦ детского сада)
#   SERVER_DAYS  срок сертификата сервера, дней         (825 — больше не примут iPhone и Mac)
#   CA_DAYS      срок сертификата УЦ, дней              (3650)
set -euo pipefail
umask 077

CA_DIR=${CA_DIR:-/root/nastavnik-ca}
TLS_DIR=${TLS_DIR:-/etc/nastavnik/tls}
CA_NAME=${CA_NAME:-"Наставник: УЦ детского сада"}
SERVER_DAYS=${SERVER_DAYS:-825}
CA_DAYS=${CA_DAYS:-3650}

die() { echo "make-lan-certificate: $*" >&2; exit 1; }

[ $# -ge 1 ] || die "укажите имя и/или IP-адрес сервера, например: $0 nastavnik.local 192.168.1.10"
command -v openssl >/dev/null || die "нужен openssl: apt-get install openssl"

is_ipv4() { [[ $1 =~ ^([0-9]{1,3}\.){3}[0-9]{1,3}$ ]]; }
is_ipv6() { [[ $1 == *:* && $1 =~ ^[0-9A-Fa-f:.]+$ ]]; }
is_dns() { [[ $1 =~ ^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)*$ ]]; }

san=()
dns_names=()
for name in "$@"; do
  if is_ipv4 "$name" || is_ipv6 "$name"; then
    san+=("IP:$name")
  elif is_dns "$name"; then
    san+=("DNS:$name")
    dns_names+=("$name")
  else
    die "«$name» — не имя хоста и не IP-адрес"
  fi
done
san_line=$(IFS=,; echo "${san[*]}")
# CN — первое имя (браузеры смотрят только subjectAltName); без имён CN не нужен, а IP в CN
# openssl сверил бы с ограничениями УЦ как имя.
cn_line=""
[ ${#dns_names[@]} -eq 0 ] || cn_line="CN = ${dns_names[0]}"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$CA_DIR"
chmod 700 "$CA_DIR"
# nginx читает ключ от root, а отдаёт nastavnik-ca.crt рабочим процессом (www-data): каталог открыт.
(umask 022 && mkdir -p "$TLS_DIR")

# --- УЦ: создаётся один раз ----------------------------------------------------
if [ ! -s "$CA_DIR/ca.key" ]; then
  echo "Создаю удостоверяющий центр в $CA_DIR"
  constraints=""
  for name in "${dns_names[@]}"; do constraints+="permitted;DNS:$name,"; done
  # Без имени — только зарезервированный домен .invalid: иначе УЦ мог бы подписать любое имя.
  [ ${#dns_names[@]} -gt 0 ] || constraints+="permitted;DNS:invalid,"
  # Частные сети IPv4 и IPv6 и loopback: сервер может сменить адрес внутри сети детского сада.
  constraints+="permitted;IP:10.0.0.0/255.0.0.0,permitted;IP:172.16.0.0/255.240.0.0"
  constraints+=",permitted;IP:192.168.0.0/255.255.0.0,permitted;IP:127.0.0.0/255.0.0.0"
  constraints+=",permitted;IP:fc00::/fe00::,permitted;IP:::1/ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"
  cat >"$work/ca.cnf" <<EOF
[req]
distinguished_name = dn
prompt = no
utf8 = yes
string_mask = utf8only
x509_extensions = ca
[dn]
O = Наставник
CN = $CA_NAME
[ca]
basicConstraints = critical, CA:TRUE, pathlen:0
keyUsage = critical, keyCertSign, cRLSign
subjectKeyIdentifier = hash
nameConstraints = critical, $constraints
EOF
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:3072 -out "$CA_DIR/ca.key" 2>/dev/null
  openssl req -new -x509 -config "$work/ca.cnf" -key "$CA_DIR/ca.key" -sha256 -days "$CA_DAYS" \
    -set_serial "0x$(openssl rand -hex 16)" -out "$CA_DIR/ca.crt"
  chmod 600 "$CA_DIR/ca.key"
  chmod 644 "$CA_DIR/ca.crt"
else
  echo "Использую существующий удостоверяющий центр $CA_DIR"
fi

# --- Сертификат сервера --------------------------------------------------------
cat >"$work/server.cnf" <<EOF
[req]
distinguished_name = dn
prompt = no
utf8 = yes
string_mask = utf8only
[dn]
O = Наставник
$cn_line
[server]
basicConstraints = critical, CA:FALSE
keyUsage = critical, digitalSignature, keyEncipherment
extendedKeyUsage = serverAuth
subjectAltName = $san_line
subjectKeyIdentifier = hash
authorityKeyIdentifier = keyid
EOF
openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$work/server.key" 2>/dev/null
openssl req -new -config "$work/server.cnf" -key "$work/server.key" -out "$work/server.csr"
openssl x509 -req -in "$work/server.csr" -CA "$CA_DIR/ca.crt" -CAkey "$CA_DIR/ca.key" \
  -set_serial "0x$(openssl rand -hex 16)" -days "$SERVER_DAYS" -sha256 \
  -extfile "$work/server.cnf" -extensions server -out "$work/server.crt" 2>/dev/null

# openssl verify проверяет и ограничения УЦ: новое имя, которого не было при его создании, не пройдёт.
if ! openssl verify -CAfile "$CA_DIR/ca.crt" "$work/server.crt" >"$work/verify" 2>&1; then
  cat "$work/verify" >&2
  die "УЦ в $CA_DIR не может подписать $san_line (он создан для других имён). Для нового имени
создайте новый УЦ: перенесите $CA_DIR в сторону, запустите скрипт снова и установите новый
сертификат УЦ на все устройства."
fi

install -m 0644 "$work/server.crt" "$TLS_DIR/server.crt"
install -m 0600 "$work/server.key" "$TLS_DIR/server.key"
install -m 0644 "$CA_DIR/ca.crt" "$TLS_DIR/nastavnik-ca.crt"

fingerprint=$(openssl x509 -in "$CA_DIR/ca.crt" -noout -fingerprint -sha256 | cut -d= -f2)
until=$(openssl x509 -in "$TLS_DIR/server.crt" -noout -enddate | cut -d= -f2)
cat <<EOF

Готово.
  Сертификат сервера: $TLS_DIR/server.crt и server.key ($san_line), действует до $until.
  Перезагрузите nginx: systemctl reload nginx

Сертификат УЦ для устройств: $TLS_DIR/nastavnik-ca.crt
  (он же по адресу http://<сервер>/nastavnik-ca.crt, см. deploy/nginx-nastavnik.conf)
  Отпечаток SHA-256 — сверьте на устройстве при установке:
  $fingerprint
Установить один раз на каждый компьютер и телефон (подробно — docs/production.md):
  Windows:  двойной щелчок → «Установить сертификат» → «Локальный компьютер» →
            «Доверенные корневые центры сертификации».
  Android:  Настройки → Безопасность → Шифрование и учётные данные → Установить сертификат →
            Сертификат ЦС.
  iPhone:   открыть файл → Настройки → Профиль загружен → Установить; затем Основные →
            Об этом устройстве → Доверие сертификатам → включить «$CA_NAME».
  Firefox:  Настройки → Приватность и защита → Сертификаты → Просмотр сертификатов →
            Центры сертификации → Импортировать → «доверять при идентификации веб-сайтов».
Ключ УЦ $CA_DIR/ca.key не копируйте на другие компьютеры; сохраните копию на флешке в сейфе.
EOF
