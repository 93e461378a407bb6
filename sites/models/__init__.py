from sites.models.audit import AccessEvent, ChangeRecord
from sites.models.jobs import Job
from sites.models.participants import AttributeDefinition, Consent, Participant, ParticipantIdentity
from sites.models.structure import HousingEstate, Membership, Organization, Site, Study

__all__ = [
    "AccessEvent",
    "ChangeRecord",
    "AttributeDefinition",
    "Consent",
    "HousingEstate",
    "Job",
    "Membership",
    "Organization",
    "Participant",
    "ParticipantIdentity",
    "Site",
    "Study",
]
