from django.contrib import admin

from entities.models import Mention, Organisation, OrganisationAlias

admin.site.register([Organisation, OrganisationAlias, Mention])
