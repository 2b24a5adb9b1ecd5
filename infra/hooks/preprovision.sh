#!/bin/sh
# azd preprovision hook: check ALERTPROBE_APP_SETTINGS before anything is deployed.
#
# The value is "Name=value" pairs separated by ";" (infra/modules/appsettings.bicep parses it). A malformed
# entry would fail the deployment half-way with an ARM expression error; a secret value would end up in plain
# app settings and in azd's .env file. Both are refused here, with the entry's name (never its value).
set -eu

settings=${ALERTPROBE_APP_SETTINGS:-}
[ -z "$settings" ] && exit 0

failed=0
rest=$settings
while [ -n "$rest" ]; do
  case "$rest" in
    *";"*) entry=${rest%%;*}; rest=${rest#*;} ;;
    *) entry=$rest; rest="" ;;
  esac
  # Blank entries (";;" or a trailing ";") are ignored, as the template ignores them.
  trimmed=$(printf '%s' "$entry" | tr -d ' \t')
  [ -z "$trimmed" ] && continue

  case "$entry" in
    *=*) ;;
    *) echo "preprovision: ALERTPROBE_APP_SETTINGS entry '$trimmed' has no '=': write Name=value." >&2; failed=1; continue ;;
  esac
  name=$(printf '%s' "${entry%%=*}" | tr -d ' \t')

  # App setting names on Linux: letters, digits and underscores ("__" separates sections).
  if ! printf '%s' "$name" | grep -Eq '^[A-Za-z_][A-Za-z0-9_]*$'; then
    echo "preprovision: ALERTPROBE_APP_SETTINGS names an invalid app setting '$name' (letters, digits and '_' only; use '__' for ':')." >&2
    failed=1
    continue
  fi

  # Secret values belong in Key Vault; the app reads them by name (…SecretName settings).
  case "$name" in
    # The Jira account's e-mail is who the comment is from, not a credential (its API token is): allowed, unlike
    # ThousandEyes' basic-auth e-mail, which the catch-all *__Email below keeps out.
    WriteBack__Jira__Email) ;;
    # WriteBack__<Destination>__Token / __Password: the write-back credentials (their …SecretName settings come from
    # the WRITEBACK_*_SECRET_NAME azd values).
    *__SigningSecret|*__BearerToken|*__BasicToken|*__Email|*__ConnectionString|ServiceBus|AzureWebJobsStorage|WriteBack__*__Token|WriteBack__*__Password)
      echo "preprovision: ALERTPROBE_APP_SETTINGS must not carry the secret '$name': put it in Key Vault and set its …SecretName setting instead (docs/deployment.md, Secrets)." >&2
      failed=1 ;;
  esac
done

exit "$failed"
