package dev.avatarkit.heygen;

import java.util.List;
import okhttp3.MultipartBody;
import retrofit2.Call;
import retrofit2.http.Body;
import retrofit2.http.DELETE;
import retrofit2.http.GET;
import retrofit2.http.Header;
import retrofit2.http.Multipart;
import retrofit2.http.POST;
import retrofit2.http.Part;
import retrofit2.http.Path;
import retrofit2.http.Query;

/** HeyGen v3 routes: typed request records in, {@link Envelope}s of typed data out (see {@link EnvelopeConverter}). */
interface V3Api {
    @POST("v3/videos")
    Call<Envelope<Dtos.V3Video>> createVideo(@Header("Idempotency-Key") String key, @Body V3Requests.VideoCreate body);

    @GET("v3/videos/{id}")
    Call<Envelope<Dtos.V3Video>> video(@Path("id") String id);

    @GET("v3/videos/statuses")
    Call<Envelope<List<Dtos.V3StatusItem>>> statuses(@Query("video_ids") String commaSeparatedIds);

    @GET("v3/videos")
    Call<Envelope<List<Dtos.V3Video>>> videos(@Query("limit") int limit, @Query("token") String token);

    @DELETE("v3/videos/{id}")
    Call<Envelope<Object>> deleteVideo(@Path("id") String id);

    @GET("v3/templates")
    Call<Envelope<List<Dtos.V3Template>>> templates(@Query("limit") int limit, @Query("token") String token);

    @GET("v3/templates/{id}")
    Call<Envelope<Dtos.V3TemplateDetail>> template(@Path("id") String id);

    /** Not keyed: the published schema declares no Idempotency-Key here (see V3VideoProvider#capabilities(JobSpec)). */
    @POST("v3/templates/{id}")
    Call<Envelope<Dtos.V3Video>> generateFromTemplate(@Path("id") String id, @Body WireRequests.TemplateGenerate body);

    @GET("v3/avatars/looks")
    Call<Envelope<List<Dtos.V3Look>>> looks(@Query("limit") int limit, @Query("token") String token);

    @GET("v3/avatars/looks/{id}")
    Call<Envelope<Dtos.V3Look>> look(@Path("id") String id);

    @POST("v3/avatars")
    Call<Envelope<Dtos.V3AvatarCreated>> createAvatar(
            @Header("Idempotency-Key") String key, @Body V3Requests.AvatarCreate body);

    @GET("v3/voices")
    Call<Envelope<List<Dtos.V3Voice>>> voices(@Query("limit") int limit, @Query("token") String token);

    @GET("v3/users/me")
    Call<Envelope<Dtos.V3User>> me();

    @Multipart
    @POST("v3/assets")
    Call<Envelope<Dtos.V3Asset>> uploadAsset(@Header("Idempotency-Key") String key, @Part MultipartBody.Part file);

    @DELETE("v3/assets/{id}")
    Call<Envelope<Object>> deleteAsset(@Path("id") String id);

    @POST("v3/webhooks/endpoints")
    Call<Envelope<Dtos.WebhookEndpointDto>> createWebhook(
            @Header("Idempotency-Key") String key, @Body WireRequests.WebhookRegister body);
}
