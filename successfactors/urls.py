from successfactors import views

app_name = "successfactors"

urlpatterns = views.items.urlpatterns()
