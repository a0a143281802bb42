package dev.avatarkit.heygen;

import java.util.Map;
import okhttp3.MultipartBody;
import okhttp3.ResponseBody;
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

/** HeyGen v3 routes. Bodies are read raw so {@link Envelope} can see errors in any response. */
interface V3Api {
    @POST("v3/videos")
    Call<ResponseBody> createVideo(@Header("Idempotency-Key") String key, @Body Map<String, Object> body);

    @GET("v3/videos/{id}")
    Call<ResponseBody> video(@Path("id") String id);

    @GET("v3/videos/statuses")
    Call<ResponseBody> statuses(@Query("video_ids") String commaSeparatedIds);

    @GET("v3/videos")
    Call<ResponseBody> videos(@Query("limit") int limit, @Query("token") String token);

    @DELETE("v3/videos/{id}")
    Call<ResponseBody> deleteVideo(@Path("id") String id);

    @GET("v3/templates")
    Call<ResponseBody> templates(@Query("limit") int limit, @Query("token") String token);

    @GET("v3/templates/{id}")
    Call<ResponseBody> template(@Path("id") String id);

    /** Not keyed: the published schema declares no Idempotency-Key here (see V3VideoProvider#capabilities(JobSpec)). */
    @POST("v3/templates/{id}")
    Call<ResponseBody> generateFromTemplate(@Path("id") String id, @Body Map<String, Object> body);

    @GET("v3/avatars/looks")
    Call<ResponseBody> looks(@Query("limit") int limit, @Query("token") String token);

    @GET("v3/avatars/looks/{id}")
    Call<ResponseBody> look(@Path("id") String id);

    @POST("v3/avatars")
    Call<ResponseBody> createAvatar(@Header("Idempotency-Key") String key, @Body Map<String, Object> body);

    @GET("v3/voices")
    Call<ResponseBody> voices(@Query("limit") int limit, @Query("token") String token);

    @GET("v3/users/me")
    Call<ResponseBody> me();

    @Multipart
    @POST("v3/assets")
    Call<ResponseBody> uploadAsset(@Header("Idempotency-Key") String key, @Part MultipartBody.Part file);

    @DELETE("v3/assets/{id}")
    Call<ResponseBody> deleteAsset(@Path("id") String id);

    @POST("v3/webhooks/endpoints")
    Call<ResponseBody> createWebhook(@Header("Idempotency-Key") String key, @Body Map<String, Object> body);
}
