"""``{% page_cache_generation as generation %}``: the current page-cache generation, for
``{% cache ... generation using="pages" %}`` fragment keys (menus, switcher, footer on pages
that are not cached whole, such as the portal and the forms)."""

from django import template

from pagecache import store

register = template.Library()


@register.simple_tag(takes_context=True)
def page_cache_generation(context) -> int:
    return store.generation_for(context.get("request"))
