#!/bin/sh
# azd postprovision hook: make every filtered Service Bus subscription hold exactly its one named rule.
#
# Service Bus creates a catch-all '$Default' rule (TrueFilter) with every new subscription, and ARM cannot
# delete a resource a template does not own, so the template's named SQL rule would sit next to it and let
# every message through. This removes '$Default' where present, then fails the `azd up` loudly unless each
# subscription's rule list is exactly its named rule (an empty list would mean the subscription receives
# nothing, and no verdict would ever come — while the deployment looks green).
#
# Needs the Azure CLI signed in to the same subscription as azd (`az login`; in CI the same service
# principal) with write access to the namespace (the deploying principal's Contributor/Owner suffices).
# Reads azd environment values: AZURE_RESOURCE_GROUP, SERVICEBUS_NAMESPACE_NAME,
# SERVICEBUS_FILTERED_SUBSCRIPTIONS ("<topic>/<subscription>/<rule>" separated by spaces).
set -eu

: "${AZURE_RESOURCE_GROUP:?AZURE_RESOURCE_GROUP is not set: run this as the azd postprovision hook}"
: "${SERVICEBUS_NAMESPACE_NAME:?SERVICEBUS_NAMESPACE_NAME is not set: run this as the azd postprovision hook}"
: "${SERVICEBUS_FILTERED_SUBSCRIPTIONS:?SERVICEBUS_FILTERED_SUBSCRIPTIONS is not set: run this as the azd postprovision hook}"

if ! command -v az >/dev/null 2>&1; then
  echo "postprovision: the Azure CLI (az) is needed to remove the '\$Default' rule of each filtered subscription." >&2
  exit 1
fi
set --
if [ -n "${AZURE_SUBSCRIPTION_ID:-}" ]; then
  set -- --subscription "$AZURE_SUBSCRIPTION_ID"
fi

rules() {
  az servicebus topic subscription rule list "$@" \
    --resource-group "$AZURE_RESOURCE_GROUP" --namespace-name "$SERVICEBUS_NAMESPACE_NAME" \
    --topic-name "$topic" --subscription-name "$subscription" --query "[].name" --output tsv
}

failed=0
for entry in $SERVICEBUS_FILTERED_SUBSCRIPTIONS; do
  topic=${entry%%/*}
  rest=${entry#*/}
  subscription=${rest%%/*}
  rule=${rest#*/}
  present=$(rules "$@")

  if ! printf '%s\n' "$present" | grep -Fqx -- "$rule"; then
    echo "postprovision: $topic/$subscription lacks its rule '$rule' (rules: $(echo $present)); it must not lose '\$Default' before the rule exists." >&2
    failed=1
    continue
  fi

  if printf '%s\n' "$present" | grep -Fqx -- '$Default'; then
    echo "postprovision: removing the catch-all '\$Default' rule of $topic/$subscription."
    az servicebus topic subscription rule delete "$@" \
      --resource-group "$AZURE_RESOURCE_GROUP" --namespace-name "$SERVICEBUS_NAMESPACE_NAME" \
      --topic-name "$topic" --subscription-name "$subscription" --name '$Default' --output none
    present=$(rules "$@")
  fi

  if [ "$present" != "$rule" ]; then
    echo "postprovision: $topic/$subscription must hold exactly the rule '$rule'; it holds: $(echo $present)." >&2
    failed=1
    continue
  fi
  echo "postprovision: $topic/$subscription filters with '$rule' only."
done

exit "$failed"
