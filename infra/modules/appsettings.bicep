// The app's settings, written as one merged list. Microsoft.Web/sites/config 'appsettings' replaces the whole
// list on every deployment, so a setting added in the portal (or with `az functionapp config appsettings set`)
// would vanish at the next `azd up`. The list is therefore built as
//   union(defaults, the settings the app has now, the operator's ALERTPROBE_APP_SETTINGS, the settings named by
//         the deployment's parameters, the template's wiring)
// — later wins: the template's identity and entity wiring cannot be overridden by accident, a parameter beats the
// same name in ALERTPROBE_APP_SETTINGS, the operator's azd values override what was set by hand, nothing set by hand is lost, and defaults only fill gaps. Removing a setting is explicit:
// `az functionapp config appsettings delete` (docs/deployment.md).

@description('Name of the function app.')
param appName string

@description('Settings with a default the operator may change (e.g. Rules__Path).')
param defaultAppSettings object = {}

@secure()
@description('The app settings the app has now (read from the site before this deployment writes them).')
param currentAppSettings object

@description('Operator settings from azd: "Name=value" pairs separated by ";" (azd env ALERTPROBE_APP_SETTINGS).')
param operatorAppSettings string = ''

@description('Key Vault secret names of the write-back credentials, keyed by their setting under WriteBack__ (PagerDuty__TokenSecretName, ServiceNow__PasswordSecretName, ServiceNow__TokenSecretName, Grafana__TokenSecretName, Jira__TokenSecretName); an empty name sets nothing.')
param writeBackSecretNames object = {}

@description('The settings this template manages (identity connections, entity names, endpoints).')
param managedAppSettings object

// "A=1; B=x=y" -> { A: '1', B: 'x=y' }: a name ends at the first "="; blanks around names, values and entries are dropped.
// An entry without "=" fails the deployment (substring with a negative length) rather than being dropped.
func parseAppSettings(pairs string) object => toObject(filter(split(pairs, ';'), pair => !empty(trim(pair))), pair => trim(substring(pair, 0, indexOf(pair, '='))), pair => trim(substring(pair, indexOf(pair, '=') + 1)))

// {PagerDuty__TokenSecretName: 'pd-token', Jira__TokenSecretName: ''} -> {WriteBack__PagerDuty__TokenSecretName: 'pd-token'}:
// only the names given become settings, so a deployment without them switches no write-back on and leaves no empty
// setting behind (an empty value would still count as "set" for the app's options). Values are secret names, never secrets.
func writeBackSecretSettings(names object) object => toObject(filter(items(names), item => !empty(item.value)), item => 'WriteBack__${item.key}', item => item.value)

resource app 'Microsoft.Web/sites@2024-04-01' existing = {
  name: appName
}

resource appSettings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: app
  name: 'appsettings'
  properties: union(defaultAppSettings, currentAppSettings, parseAppSettings(operatorAppSettings), writeBackSecretSettings(writeBackSecretNames), managedAppSettings)
}
